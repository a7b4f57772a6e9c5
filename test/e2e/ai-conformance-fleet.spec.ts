import { test, expect } from '@playwright/test';
import { signInAsGuest } from './support';
import { catalogClusterRefs, saveScreenshot } from './ai-conformance-support';

test('the fleet page lists every demo cluster and links to its tab', async ({
  page,
  request,
  baseURL,
}) => {
  const expected = await catalogClusterRefs(request, baseURL!);
  expect(expected.length).toBeGreaterThan(0);

  await signInAsGuest(page);
  await page.getByRole('link', { name: 'AI Conformance' }).first().click();
  await expect(page).toHaveURL(/\/ai-conformance$/);
  const rows = page.locator('tr[data-entity-ref]');
  await expect(rows.first()).toBeVisible();
  const listed = await rows.evaluateAll(trs =>
    trs.map(tr =>
      tr.getAttribute('data-entity-ref')!.toLocaleLowerCase('en-US'),
    ),
  );
  for (const ref of expected) {
    expect(listed).toContain(ref);
  }
  await saveScreenshot(page, 'ai-conformance-fleet');

  await page.getByLabel('Search clusters').fill('gke-ai-prod');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/resource\/gke-ai-prod\/ai-conformance$/,
  );
});
