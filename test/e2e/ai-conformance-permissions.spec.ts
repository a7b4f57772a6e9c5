import { test, expect } from '@playwright/test';
import path from 'node:path';
import { signInAsGuest, stateDir } from './support';
import {
  baseConfigs,
  guestToken,
  waitForCatalogEntity,
  writePortConfig,
} from './ai-conformance-support';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stack = require('../support/stack.cjs');

test.describe('with a policy that denies ai-conformance.run.create', () => {
  let backend: { child: unknown; baseUrl: string } | undefined;
  let baseUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const port = await stack.freePort();
    const config = writePortConfig(
      'e2e-deny-run-create',
      port,
      'demoPermissionPolicy:\n  deny: [ai-conformance.run.create]\n',
    );
    backend = await stack.startBackend({
      port,
      configs: [...baseConfigs(), config],
      logFile: path.join(stateDir, 'e2e-deny-backend.log'),
    });
    baseUrl = backend!.baseUrl;
  });

  test.afterAll(async () => {
    if (backend) await stack.stopProcess(backend.child);
  });

  test('the tab does not offer "Run checks" and the backend refuses runs', async ({
    page,
    request,
  }) => {
    const token = await guestToken(request, baseUrl);
    // The entity must exist first: a run for an unknown entity is a 404.
    await waitForCatalogEntity(request, baseUrl, token, {
      kind: 'resource',
      namespace: 'default',
      name: 'gke-ai-prod',
    });
    const refused = await request.post(
      `${baseUrl}/api/ai-conformance/clusters/default/gke-ai-prod/runs`,
      { headers: { authorization: `Bearer ${token}` }, data: {} },
    );
    expect(refused.status()).toBe(403);

    await signInAsGuest(page, baseUrl);
    const decision = page.waitForResponse(r =>
      r.url().includes('/api/permission/authorize'),
    );
    await page.goto(
      `${baseUrl}/catalog/default/resource/gke-ai-prod/ai-conformance`,
    );
    await decision;
    await page.waitForLoadState('networkidle');
    await expect(
      page
        .getByRole('region', { name: 'Verdict' })
        .or(page.getByText('Never checked')),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /Run checks/ })).toHaveCount(
      0,
    );
  });
});
