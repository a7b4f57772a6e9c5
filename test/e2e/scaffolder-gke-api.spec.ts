import { test, expect } from '@playwright/test';
import { signInAsGuest } from './support';
import {
  guestWhenCatalogHas,
  waitForCatalogEntity,
} from './ai-conformance-support';
import { button, fillClusterStep, input } from './scaffolder-support';

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
  const token = await guestWhenCatalogHas(request, baseURL!, {
    kind: 'template',
    namespace: 'default',
    name: 'gke-ai-conformant-cluster',
  });
  await signInAsGuest(page);
  await page.goto('/create/templates/default/gke-ai-conformant-cluster');

  await fillClusterStep(page, cluster);
  // Version: the regular channel's certified default of the simulated API.
  await input(page, 'GKE version').fill('1.34.1-gke.1829001');
  await button(page, 'Next').click();
  // GPU pool: one node from the start, so the accelerator checks see a GPU.
  await expect(page.getByLabel('Accelerator').first()).toBeVisible();
  await page.getByLabel('Minimum nodes').first().fill('1');
  // Extras keep their defaults (Kueue, Ray); the delivery defaults to gke-api.
  const delivery = button(page, /Create the cluster now through the GKE API/);
  for (let i = 0; i < 6 && !(await delivery.isVisible()); i++) {
    await button(page, 'Next').click();
    await page.waitForTimeout(300);
  }
  await expect(delivery).toBeVisible();
  await expect(input(page, /^Repository/)).toHaveCount(0);
  await button(page, 'Review').click();
  await button(page, 'Create').click();

  await expect(page).toHaveURL(/\/create\/tasks\/[^/]+$/, { timeout: 30_000 });
  const taskId = page.url().split('/').pop()!;

  // The task finishes: its output links to the entity's AI Conformance tab.
  const tabLink = page
    .getByRole('link', { name: 'AI Conformance' })
    .or(button(page, 'AI Conformance'));
  await expect(tabLink.first()).toBeVisible({ timeout: 150_000 });
  const headers = { authorization: `Bearer ${token}` };
  const task = await (
    await request.get(`${baseURL}/api/scaffolder/v2/tasks/${taskId}`, {
      headers,
    })
  ).json();
  expect(task.status).toBe('completed');

  // The task log shows the operation progress, the add-on install and the check.
  const events: Array<{ body: { message?: string; stepId?: string } }> = await (
    await request.get(`${baseURL}/api/scaffolder/v2/tasks/${taskId}/events`, {
      headers,
    })
  ).json();
  const log = (step: string) =>
    events
      .filter(e => e.body.stepId === step)
      .map(e => e.body.message ?? '')
      .join('\n');
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
  const showLogs = button(page, /Show Logs/i);
  if (await showLogs.isVisible()) await showLogs.click();
  await expect(page.getByText(/Verdict: conformant/).first()).toBeVisible();

  // The entity is in the catalog; its AI Conformance tab says Conformant.
  await waitForCatalogEntity(request, baseURL!, token, {
    kind: 'resource',
    namespace: 'default',
    name: cluster,
  });
  await tabLink.first().click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/resource/${cluster}/ai-conformance`),
  );
  const banner = page.getByRole('region', { name: 'Verdict' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner.locator('[data-verdict]')).toHaveAttribute(
    'data-verdict',
    'conformant',
  );
  await expect(banner).toContainText('Conformant');
  expect(Date.now() - started).toBeLessThan(180_000);
});
