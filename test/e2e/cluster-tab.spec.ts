import { test, expect, Page } from '@playwright/test';
import { signInAsGuest } from './support';

const entityTabs = (page: Page) =>
  page.getByRole('navigation', { name: 'Content navigation' });

test('a cluster entity has the AI Conformance tab', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/gke-ai-prod');
  await expect(
    entityTabs(page).getByRole('link', { name: 'Overview' }),
  ).toBeVisible();
  const tab = entityTabs(page).getByRole('link', { name: 'AI Conformance' });
  await expect(tab).toBeVisible();
  await tab.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/resource\/gke-ai-prod\/ai-conformance$/,
  );
});

test('a component entity does not have the AI Conformance tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/plugin-ai-conformance-backend');
  await expect(
    entityTabs(page).getByRole('link', { name: 'Overview' }),
  ).toBeVisible();
  await expect(
    entityTabs(page).getByRole('link', { name: 'AI Conformance' }),
  ).toHaveCount(0);
});
