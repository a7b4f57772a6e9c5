import { Page } from '@playwright/test';

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
