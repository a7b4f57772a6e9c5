import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadClientNode } from '@ai-conformance/plugin-ai-conformance-node';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { startGkeDouble } from '../__testUtils__/containerApiSim';
import { createGkeCreateClusterAction } from './gkeCreateClusterAction';
import { createInstallAddonsAction } from './installAddonsAction';

const mirrorDirectory = path.resolve(__dirname, '../../addon-mirror');

describe('ai-conformance:cluster:install-addons with the Container API double', () => {
  let double: Awaited<ReturnType<typeof startGkeDouble>>;

  beforeAll(async () => {
    await loadClientNode();
    double = await startGkeDouble();
  }, 30_000);

  afterAll(async () => {
    await double?.stop();
  });

  async function createCluster(input: ReturnType<typeof exampleSpecInput>) {
    const ctx = createMockActionContext({ input });
    await createGkeCreateClusterAction({
      containerApi: double.containerApi,
      pollIntervalMs: 50,
    }).handler(ctx as any);
    return ctx.outputs as { apiServer: string; caData: string };
  }

  async function objectApi(cluster: { apiServer: string; caData: string }) {
    const k8s = await loadClientNode();
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [
        { name: 'c', server: cluster.apiServer, caData: cluster.caData },
      ],
      users: [{ name: 'u', token: double.sim.accessToken() }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    return k8s.KubernetesObjectApi.makeApiClient(kc);
  }

  const action = () =>
    createInstallAddonsAction({
      containerApi: double.containerApi,
      manifests: { mirrorDirectory, manifestUrls: {} },
      pollIntervalMs: 100,
      readyTimeoutMs: 20_000,
    });

  it('server-side applies Kubeflow Trainer and Kueue from the mirror and waits for their controllers', async () => {
    const input = exampleSpecInput({
      name: 'gke-addons',
      operator: 'kubeflow-trainer',
    });
    const cluster = await createCluster(input);
    const ctx = createMockActionContext({ input });
    await action().handler(ctx as any);
    expect(ctx.outputs.installed).toEqual([
      'kueue@0.14.4',
      'kubeflow-trainer@2.0.0',
    ]);
    const lines = (ctx.logger.info as jest.Mock).mock.calls.map(c =>
      String(c[0]),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        `kueue 0.14.4: 13 objects from ${path.join(
          mirrorDirectory,
          'kueue/0.14.4.yaml',
        )}`,
        'Applied CustomResourceDefinition clusterqueues.kueue.x-k8s.io',
        'Applied MutatingWebhookConfiguration kueue-mutating-webhook-configuration',
        'Deployment kueue-system/kueue-controller-manager is ready',
        'Deployment kubeflow-system/kubeflow-trainer-controller-manager is ready',
      ]),
    );
    // The applied CRD is served and the controller runs.
    const api = await objectApi(cluster);
    const deployment = (await api.read({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'kueue-controller-manager', namespace: 'kueue-system' },
    })) as any;
    expect(
      deployment.status.conditions.find((c: any) => c.type === 'Available')
        .status,
    ).toBe('True');
    const queues = await api.list('kueue.x-k8s.io/v1beta1', 'ClusterQueue');
    expect(queues.items).toEqual([]);

    // Applying again (a retry) changes nothing and succeeds.
    const retry = createMockActionContext({ input });
    await action().handler(retry as any);
    expect(retry.outputs.installed).toEqual(ctx.outputs.installed);
  }, 60_000);

  it('names what to configure when an add-on has no mirrored copy and no URL, before contacting any API', async () => {
    const emptyMirror = fs.mkdtempSync(path.join(os.tmpdir(), 'addon-mirror-'));
    const before = double.sim.requests().length;
    const ctx = createMockActionContext({
      input: exampleSpecInput({
        name: 'gke-addons-missing',
        checklistVersion: '1.37',
        gkeVersion: '1.37.0-gke.3503000',
        releaseChannel: 'rapid',
        kueueVersion: undefined,
        draPool: {
          enabled: true,
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
        },
      }),
    });
    await expect(
      createInstallAddonsAction({
        containerApi: double.containerApi,
        manifests: { mirrorDirectory: emptyMirror, manifestUrls: {} },
      }).handler(ctx as any),
    ).rejects.toThrow(
      `No manifests for nvidia-dra-driver-gpu 25.8.1: its project publishes a Helm chart only; render it (helm template) into ${emptyMirror}/nvidia-dra-driver-gpu/25.8.1.yaml or set aiConformance.gke.addons.manifestUrls.nvidia-dra-driver-gpu`,
    );
    expect(double.sim.requests().length).toBe(before);
  });

  it('lists the add-ons in a dry run without touching a cluster', async () => {
    const before = double.sim.requests().length;
    const ctx = createMockActionContext({
      input: exampleSpecInput({ name: 'gke-never-created' }),
      isDryRun: true,
    });
    await action().handler(ctx as any);
    expect(ctx.outputs.installed).toEqual(['kueue@0.14.4']);
    expect(double.sim.requests().length).toBe(before);
  });
});
