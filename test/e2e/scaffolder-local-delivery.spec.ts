import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stateDir } from './support';
import {
  button,
  input,
  nextToDelivery,
  openGkeTemplate,
} from './scaffolder-support';

/** Files the render step writes at the root for a cluster. */
const rendered = (cluster: string) => [
  'terraform/versions.tf',
  'terraform/cluster.tf',
  'scripts/create-cluster.sh',
  `.github/workflows/cluster-${cluster}.yaml`,
  'README.md',
  'catalog-info.yaml',
];

/** The delivery directory of test/e2e/app-config.e2e.yaml. */
const deliveries = path.join(stateDir, 'deliveries');

test.use({ viewport: { width: 1600, height: 1000 } });

test('the GKE template finishes with the directory delivery and lists the rendered files', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // A fresh name per run: the delivery never overwrites an earlier one.
  const cluster = `gke-e2e-${Date.now().toString(36)}`;
  const token = await openGkeTemplate(page, request, baseURL!, cluster);
  // The pool and extras steps keep their defaults up to the delivery step.
  const delivery = await nextToDelivery(page);
  await delivery.click();
  await page
    .getByRole('option', { name: /Directory on the portal's backend host/ })
    .click();
  // No repository is asked for this delivery.
  await expect(input(page, /^Repository/)).toHaveCount(0);
  await button(page, 'Review').click();
  await button(page, 'Create').click();

  await expect(page).toHaveURL(/\/create\/tasks\/[^/]+$/, { timeout: 30_000 });
  const taskId = page.url().split('/').pop()!;

  // The task finishes: its output offers the delivery text.
  const deliveryOutput = button(page, 'Delivery');
  await expect(deliveryOutput).toBeVisible({ timeout: 120_000 });
  const res = await request.get(
    `${baseURL}/api/scaffolder/v2/tasks/${taskId}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(res.ok()).toBeTruthy();
  expect((await res.json()).status).toBe('completed');

  await deliveryOutput.click();
  const card = page
    .locator('[data-testid="text-output-box"]')
    .filter({ has: page.getByRole('heading', { name: 'Delivery' }) });
  await expect(card).toContainText('on the backend host');
  await expect(card).toContainText(`${cluster}`);
  for (const file of rendered(cluster)) {
    await expect(card).toContainText(file);
  }

  // With the stack this suite started, the files are on disk as listed.
  if (!process.env.E2E_BASE_URL) {
    const dir = path.join(deliveries, cluster);
    for (const file of rendered(cluster)) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8')).toContain(
      `name: ${cluster}`,
    );
  }
});
