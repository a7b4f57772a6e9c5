import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './support';
import { fillClusterStep, input } from './scaffolder-support';

const TEMPLATE_TITLE = 'AI-conformant GKE cluster';

const next = (page: Page) => page.getByRole('button', { name: 'Next' });

/** Types a GKE version into the picker. */
async function typeVersion(page: Page, version: string) {
  const field = input(page, 'GKE version');
  await field.fill(version);
  return field;
}

test('the GKE template is listed under Create', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(page.getByText(TEMPLATE_TITLE).first()).toBeVisible();
});

test('the GKE version picker rejects a version below the certified minimum', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/create/templates/default/gke-ai-conformant-cluster');
  await fillClusterStep(page, 'gke-ai-e2e');

  await typeVersion(page, '1.34.0-gke.1500000');
  const problem =
    '1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34';
  await expect(page.getByText(problem).first()).toBeVisible();
  await next(page).click();
  // Validation keeps the user on the version step.
  await expect(input(page, 'GKE version')).toBeVisible();

  await typeVersion(page, '1.34.1-gke.1829001');
  await expect(input(page, 'GKE version')).toHaveAttribute(
    'aria-invalid',
    'false',
  );
  await next(page).click();
  await expect(page.getByLabel('Accelerator').first()).toBeVisible();
});
