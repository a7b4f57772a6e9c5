import { test, expect } from '@playwright/test';
import { waitForCatalogEntity } from './ai-conformance-support';
import {
  button,
  input,
  nextToDelivery,
  openGkeTemplate,
} from './scaffolder-support';

/**
 * The gke-api delivery end to end on the demo stack: the template creates
 * the cluster through the simulated Container API, installs the add-ons,
 * registers the cluster and checks it; the new entity's AI Conformance tab
 * shows it conformant.
 */
test.use({ viewport: { width: 1600, height: 1000 } });

test('the GKE template creates, registers and checks a cluster through the Container API', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const started = Date.now();
  // A fresh name per run: each run creates its own cluster.
  const cluster = `gke-api-${Date.now().toString(36)}`;
  const token = await openGkeTemplate(page, request, baseURL!, cluster);
  // GPU pool: one node from the start, so the accelerator checks see a GPU.
  await page.getByLabel('Minimum nodes').first().fill('1');
  // Extras keep their defaults (Kueue, Ray); the delivery defaults to gke-api.
  await expect(await nextToDelivery(page)).toBeVisible();
  await expect(input(page, /^Repository/)).toHaveCount(0);
  await button(page, 'Review').click();
  await button(page, 'Create').click();

  await expect(page).toHaveURL(/\/create\/tasks\/[^/]+$/, { timeout: 30_000 });
  const taskId = page.url().split('/').pop()!;
  const headers = { authorization: `Bearer ${token}` };
  const api = async (p: string) =>
    (
      await request.get(`${baseURL}/api/scaffolder/v2/tasks/${taskId}${p}`, {
        headers,
      })
    ).json();

  // The task finishes.
  await expect
    .poll(async () => (await api('')).status, {
      timeout: 150_000,
      intervals: [1_000, 2_000],
    })
    .toMatch(/^(completed|failed|cancelled)$/);
  const events: Array<{ body: { message?: string; stepId?: string } }> =
    await api('/events');
  const log = (step: string) =>
    events
      .filter(e => e.body.stepId === step)
      .map(e => e.body.message ?? '')
      .join('\n');
  expect(
    (await api('')).status,
    ['cluster', 'addons', 'register-cluster', 'check'].map(log).join('\n'),
  ).toBe('completed');

  // The task log shows the operation progress, the add-on install and the check.
  expect(log('cluster')).toMatch(/Operation operation-\S+: PENDING/);
  expect(log('cluster')).toMatch(/Operation operation-\S+: RUNNING/);
  expect(log('cluster')).toMatch(/Operation operation-\S+: DONE/);
  expect(log('cluster')).toContain(`Cluster ${cluster} is RUNNING`);
  expect(log('addons')).toContain('Installing kueue 0.14.4');
  expect(log('addons')).toContain(
    'Deployment kueue-system/kueue-controller-manager is ready',
  );
  expect(log('register-cluster')).toContain(
    `resource:default/${cluster} is in the catalog`,
  );
  expect(log('check')).toMatch(/Verdict: conformant/);
  // The page's log view shows the same lines.
  const showLogs = button(page, 'Show Logs');
  if (await showLogs.isVisible()) await showLogs.click();
  await expect(page.getByText(/Verdict: conformant/).first()).toBeVisible();

  // The entity is in the catalog; the output links to its AI Conformance
  // tab, which says Conformant.
  await waitForCatalogEntity(request, baseURL!, token, {
    kind: 'resource',
    namespace: 'default',
    name: cluster,
  });
  const tabLink = page
    .getByRole('link', { name: 'AI Conformance' })
    .and(
      page.locator(
        `a[href$="/catalog/default/resource/${cluster}/ai-conformance"]`,
      ),
    );
  await tabLink.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/resource/${cluster}/ai-conformance`),
  );
  const banner = page.getByRole('region', { name: 'Verdict' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner.locator('[data-verdict]')).toHaveAttribute(
    'data-verdict',
    'conformant',
  );
  expect(Date.now() - started).toBeLessThan(180_000);
});
