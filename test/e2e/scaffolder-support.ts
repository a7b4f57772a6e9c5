import { APIRequestContext, Page } from '@playwright/test';
import { signInAsGuest } from './support';
import { guestWhenCatalogHas } from './ai-conformance-support';

/** A button by its exact name, or by a pattern. */
export const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

/** A text input by its label, whether a plain text field or a combobox. */
export const input = (page: Page, name: RegExp | string) =>
  page
    .getByRole('textbox', { name })
    .or(page.getByRole('combobox', { name }))
    .first();

/** Fills the GKE template's first step (cluster) and goes to the next. */
export async function fillClusterStep(page: Page, name: string) {
  await page.getByLabel('Cluster name').fill(name);
  const owner = input(page, /^Owner/);
  await owner.fill('group:default/ai-platform');
  await owner.press('Escape');
  await page.getByLabel('GCP project id').fill('my-project');
  await button(page, 'Next').click();
}

/**
 * Opens the GKE template as guest and fills the cluster and version steps
 * up to the GPU pool; resolves the guest's token.
 */
export async function openGkeTemplate(
  page: Page,
  request: APIRequestContext,
  baseURL: string,
  cluster: string,
): Promise<string> {
  const token = await guestWhenCatalogHas(request, baseURL, {
    kind: 'template',
    namespace: 'default',
    name: 'gke-ai-conformant-cluster',
  });
  await signInAsGuest(page);
  await page.goto('/create/templates/default/gke-ai-conformant-cluster');
  await fillClusterStep(page, cluster);
  // Version: the regular channel's certified default.
  await input(page, 'GKE version').fill('1.34.1-gke.1829001');
  await button(page, 'Next').click();
  await page.getByLabel('Accelerator').first().waitFor();
  return token;
}

/**
 * Goes Next (keeping defaults) until the delivery choice shows; returns its
 * dropdown button, which names the default delivery.
 */
export async function nextToDelivery(page: Page) {
  const delivery = button(page, /Create the cluster now through the GKE API/);
  for (let i = 0; i < 6 && !(await delivery.isVisible()); i++) {
    await button(page, 'Next').click();
    await page.waitForTimeout(300);
  }
  return delivery;
}
