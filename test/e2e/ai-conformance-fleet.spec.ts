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

  // Each level count filters the fleet to exactly that many clusters.
  const levelCounts = page
    .getByRole('group', { name: 'Clusters per level' })
    .getByRole('button');
  await expect(levelCounts).toHaveCount(4);
  for (const label of await levelCounts.evaluateAll(bs =>
    bs.map(b => b.getAttribute('aria-label')!),
  )) {
    const count = Number(/: (\d+) clusters$/.exec(label)![1]);
    const toggle = page.getByRole('button', { name: label, exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(rows).toHaveCount(count);
    await toggle.click();
    await expect(rows).toHaveCount(listed.length);
  }

  await page.getByLabel('Search clusters').fill('gke-ai-prod');
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/resource\/gke-ai-prod\/ai-conformance$/,
  );
});
