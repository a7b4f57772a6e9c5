import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { startGkeDouble } from '../__testUtils__/containerApiSim';
import { fileCatalog } from '../__testUtils__/fileCatalog';
import { createGkeCreateClusterAction } from './gkeCreateClusterAction';
import {
  configLocationRef,
  createRegisterClusterAction,
} from './registerClusterAction';

describe('ai-conformance:cluster:register', () => {
  let double: Awaited<ReturnType<typeof startGkeDouble>>;

  beforeAll(async () => {
    double = await startGkeDouble();
  }, 30_000);

  afterAll(async () => {
    await double?.stop();
  });

  const directory = () =>
    fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-clusters-'));

  it('writes the entity with the Kubernetes plugin annotations from the Container API and waits until the catalog has it', async () => {
    const input = exampleSpecInput({ name: 'gke-register' });
    const created = createMockActionContext({ input });
    await createGkeCreateClusterAction({
      containerApi: double.containerApi,
      pollIntervalMs: 50,
    }).handler(created as any);

    const dir = directory();
    const { catalog, entities, refreshed } = fileCatalog(dir);
    const ctx = createMockActionContext({ input });
    await createRegisterClusterAction({
      containerApi: double.containerApi,
      settings: { directory: dir, authProvider: 'googleServiceAccount' },
      catalog,
      auth: mockServices.auth(),
      pollIntervalMs: 10,
    }).handler(ctx as any);

    expect(ctx.outputs).toEqual({
      entityRef: 'resource:default/gke-register',
      aiConformanceUrl: '/catalog/default/resource/gke-register/ai-conformance',
      path: path.join(dir, 'gke-register.yaml'),
    });
    expect(refreshed).toEqual([configLocationRef(path.join(dir, '*.yaml'))]);
    expect(entities.get('resource:default/gke-register')).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'gke-register',
        labels: { 'ai-conformance.io/target-version': '1.34' },
        annotations: {
          'kubernetes.io/api-server': created.outputs.apiServer,
          'kubernetes.io/api-server-certificate-authority':
            created.outputs.caData,
          'kubernetes.io/auth-provider': 'googleServiceAccount',
        },
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/ai-platform',
      },
    });
  }, 30_000);

  it('refuses without a configured directory or a catalog location reading it', async () => {
    const input = exampleSpecInput({ name: 'gke-register' });
    const unconfigured = createRegisterClusterAction({
      containerApi: double.containerApi,
      settings: { authProvider: 'googleServiceAccount' },
      catalog: fileCatalog(directory()).catalog,
      auth: mockServices.auth(),
    });
    await expect(
      unconfigured.handler(createMockActionContext({ input }) as any),
    ).rejects.toThrow(
      'Cluster registration is not configured: set aiConformance.gke.registration.directory',
    );
    const elsewhere = directory();
    const unread = createRegisterClusterAction({
      containerApi: double.containerApi,
      settings: { directory: elsewhere, authProvider: 'googleServiceAccount' },
      catalog: fileCatalog(directory()).catalog,
      auth: mockServices.auth(),
    });
    await expect(
      unread.handler(createMockActionContext({ input }) as any),
    ).rejects.toThrow(
      `No catalog location reads ${elsewhere}: add { type: file, target: ${path.join(
        elsewhere,
        '*.yaml',
      )} } to catalog.locations`,
    );
  });

  it('refuses a cluster the Container API does not know', async () => {
    const dir = directory();
    await expect(
      createRegisterClusterAction({
        containerApi: double.containerApi,
        settings: { directory: dir, authProvider: 'google' },
        catalog: fileCatalog(dir).catalog,
        auth: mockServices.auth(),
      }).handler(
        createMockActionContext({
          input: exampleSpecInput({ name: 'gke-nowhere' }),
        }) as any,
      ),
    ).rejects.toThrow(
      'No cluster gke-nowhere in project my-project, region us-central1; run ai-conformance:gke:create-cluster first',
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
