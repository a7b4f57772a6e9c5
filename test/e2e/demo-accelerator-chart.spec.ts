import { test, expect } from '@playwright/test';
import { signInAsGuest } from './support';
import { guestWhenCatalogHas } from './ai-conformance-support';

/**
 * The demo's Prometheus scrapes kube-sim's DCGM endpoints (started by the
 * start command, and by globalSetup here): the accelerators card of a GPU
 * cluster draws at least one utilization line.
 */
test('gke-ai-prod shows a GPU utilization series from the demo Prometheus', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await guestWhenCatalogHas(request, baseURL!, {
    kind: 'resource',
    namespace: 'default',
    name: 'gke-ai-prod',
  });
  await signInAsGuest(page);

  const chart = page.getByRole('figure', {
    name: /^GPU utilization, last hour:/,
  });
  // Prometheus scrapes every 5 s: a page opened before its first scrape
  // shows no chart yet, so reload until one appears (bounded).
  await expect(async () => {
    await page.goto('/catalog/default/resource/gke-ai-prod');
    await expect(page.getByText('Accelerators', { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(chart).toBeVisible({ timeout: 15_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000, 10_000] });

  // The figure names each pool's latest value, e.g. "l4-pool 42%".
  const label = await chart.getAttribute('aria-label');
  expect(label).not.toMatch(/no data$/);
  expect(label).toMatch(/: .*\d/);
  // One line per node pool, named in the legend (a fresh demo may hold a
  // single sample so far: the line exists even while it is one point).
  const pool = label!.split(': ')[1].split(' ')[0];
  await expect(
    chart.locator('.recharts-legend-item').filter({ hasText: pool }),
  ).toHaveCount(1);
  expect(await chart.locator('g.recharts-line').count()).toBeGreaterThan(0);
});
