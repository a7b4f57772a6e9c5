import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim, SimClusterOptions, WorkloadRuntimeSpec } from '../types';
import { simClient } from '../__testUtils__/simClient';

const NS = 'hpa';
const METRIC = 'aic_load';

function deployment(name: string, value: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'exporter',
              image: 'gcr.io/google-samples/prometheus-dummy-exporter:v0.2.0',
              command: ['./prometheus-dummy-exporter'],
              args: [
                `--metric-name=${METRIC}`,
                `--metric-value=${value}`,
                '--port=8080',
              ],
              resources: { requests: { cpu: '10m' } },
            },
          ],
        },
      },
    },
  };
}

function hpa(name: string, metric = METRIC, maxReplicas = 3) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: 1,
      maxReplicas,
      metrics: [
        {
          type: 'Pods',
          pods: {
            metric: { name: metric },
            target: { type: 'AverageValue', averageValue: '10' },
          },
        },
      ],
    },
  };
}

const condition = (h: any, type: string) =>
  (h?.status?.conditions ?? []).find((c: any) => c.type === type);

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('HorizontalPodAutoscalerController and the custom-metrics adapter', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'healthy', scenario: 'gke-1.34-conformant' },
        {
          name: 'stuck',
          scenario: 'gke-1.34-conformant',
          workloads: { hpa: 'stuck' } as WorkloadRuntimeSpec,
        },
        {
          name: 'absent',
          scenario: 'gke-1.34-conformant',
          workloads: { metrics: 'absent' } as WorkloadRuntimeSpec,
        },
        { name: 'down', scenario: 'adapter-down' },
      ].map((c): SimClusterOptions => ({ ...c, workloadDelayMs: 20 })),
      metrics: false,
      workloads: { startDelayMs: 20, hpaSyncMs: 100 },
    });
    for (const c of sim.clusters) await simClient(c).namespace(NS);
  }, 60_000);
  afterAll(() => sim?.stop());

  async function deploy(cluster: string, name: string, value: number) {
    const api = simClient(sim.cluster(cluster));
    expect(
      (
        await api.post(
          `/apis/apps/v1/namespaces/${NS}/deployments`,
          deployment(name, value),
        )
      ).status,
    ).toBe(201);
    await api.waitFor(
      `/api/v1/namespaces/${NS}/pods?labelSelector=app=${name}`,
      list => list.items.some((p: any) => p.status?.phase === 'Running'),
    );
    return api;
  }

  const HPAS = `/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`;

  /** A Deployment exposing `value` and an HPA on it. */
  async function autoscaled(cluster: string, name: string, value: number) {
    const api = await deploy(cluster, name, value);
    expect((await api.post(HPAS, hpa(name))).status).toBe(201);
    return api;
  }

  const hpaWhen = (
    api: ReturnType<typeof simClient>,
    name: string,
    until: (h: any) => boolean,
  ) => api.waitFor(`${HPAS}/${name}`, until);

  const replicas = async (api: ReturnType<typeof simClient>, name: string) =>
    (await api.get(`/apis/apps/v1/namespaces/${NS}/deployments/${name}`)).json
      .spec.replicas;

  it('serves what running pods expose through custom.metrics.k8s.io (v1beta2 and v1beta1, GKE names too)', async () => {
    const api = await deploy('healthy', 'served', 40);
    const v2 = await api.get(
      `/apis/custom.metrics.k8s.io/v1beta2/namespaces/${NS}/pods/*/${METRIC}?labelSelector=app%3Dserved`,
    );
    expect(v2.status).toBe(200);
    expect(v2.json.kind).toBe('MetricValueList');
    expect(v2.json.items).toHaveLength(1);
    expect(v2.json.items[0]).toMatchObject({
      describedObject: { kind: 'Pod', namespace: NS },
      metric: { name: METRIC },
      value: '40',
    });
    const gke = await api.get(
      `/apis/custom.metrics.k8s.io/v1beta1/namespaces/${NS}/pods/*/${encodeURIComponent(
        `prometheus.googleapis.com|${METRIC}|gauge`,
      )}`,
    );
    expect(gke.status).toBe(200);
    expect(gke.json.items[0]).toMatchObject({
      metricName: `prometheus.googleapis.com|${METRIC}|gauge`,
      value: '40',
    });
    const unknown = await api.get(
      `/apis/custom.metrics.k8s.io/v1beta2/namespaces/${NS}/pods/*/not_exposed`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe(
      'the server could not find the metric not_exposed for pods',
    );
  });

  it('scales the Deployment to ceil(current × metric / target) within maxReplicas and reports why', async () => {
    const api = await autoscaled('healthy', 'busy', 40);
    const scaled = await hpaWhen(
      api,
      'busy',
      h => h?.status?.desiredReplicas === 3,
    );
    expect(condition(scaled, 'ScalingActive')).toMatchObject({
      status: 'True',
      reason: 'ValidMetricFound',
    });
    expect(condition(scaled, 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
    });
    expect(scaled.status.currentMetrics[0]).toEqual({
      type: 'Pods',
      pods: { metric: { name: METRIC }, current: { averageValue: '40' } },
    });
    const d = await api.waitFor(
      `/apis/apps/v1/namespaces/${NS}/deployments/busy`,
      dep => dep.spec.replicas === 3 && dep.status?.readyReplicas === 3,
    );
    expect(d.metadata.generation).toBeGreaterThan(1);
    const events = await api.events(NS, 'busy');
    expect(events.map(e => `${e.reason}: ${e.message}`)).toContain(
      `SuccessfulRescale: New size: 3; reason: pods metric ${METRIC} above target`,
    );
  });

  it('keeps the replica count within the tolerance', async () => {
    const api = await autoscaled('healthy', 'calm', 10.5);
    const h = await hpaWhen(
      api,
      'calm',
      x => condition(x, 'ScalingActive')?.status === 'True',
    );
    expect(h.status.desiredReplicas).toBe(1);
    expect(condition(h, 'AbleToScale')?.reason).toBe('ReadyForNewScale');
    expect(await replicas(api, 'calm')).toBe(1);
  });

  it('with hpa: stuck writes no status and never scales, while the metric is served', async () => {
    const api = await autoscaled('stuck', 'busy', 40);
    const metric = await api.get(
      `/apis/custom.metrics.k8s.io/v1beta2/namespaces/${NS}/pods/*/${METRIC}`,
    );
    expect(metric.json.items[0].value).toBe('40');
    await new Promise(r => setTimeout(r, 500));
    const h = await api.get(`${HPAS}/busy`);
    expect(h.json.status?.conditions).toBeUndefined();
    expect(await replicas(api, 'busy')).toBe(1);
  });

  it('with metrics: absent reports ScalingActive=False FailedGetPodsMetric and keeps the size', async () => {
    const api = await autoscaled('absent', 'busy', 40);
    const h = await hpaWhen(
      api,
      'busy',
      x => condition(x, 'ScalingActive')?.status === 'False',
    );
    expect(condition(h, 'ScalingActive')).toMatchObject({
      reason: 'FailedGetPodsMetric',
      message: `the HPA was unable to compute the replica count: unable to get metric ${METRIC}: unable to fetch metrics from custom metrics API: the server could not find the metric ${METRIC} for pods`,
    });
    expect(condition(h, 'AbleToScale')?.status).toBe('True');
    expect(await replicas(api, 'busy')).toBe(1);
    const reasons = (await api.events(NS, 'busy')).map(e => e.reason);
    expect(reasons.filter(r => r === 'FailedGetPodsMetric')).toHaveLength(1);
  });

  it('with the adapter unavailable answers 503 and the HPA says the API cannot be reached', async () => {
    const api = await autoscaled('down', 'busy', 40);
    const read = await api.get(
      `/apis/custom.metrics.k8s.io/v1beta2/namespaces/${NS}/pods/*/${METRIC}`,
    );
    expect(read.status).toBe(503);
    const h = await hpaWhen(
      api,
      'busy',
      x => condition(x, 'ScalingActive')?.status === 'False',
    );
    expect(condition(h, 'ScalingActive')?.message).toContain(
      'the server is currently unable to handle the request (get pods.custom.metrics.k8s.io *)',
    );
  });

  it('reports FailedGetScale for a missing target', async () => {
    const api = simClient(sim.cluster('healthy'));
    await api.post(HPAS, hpa('nothing'));
    const h = await hpaWhen(
      api,
      'nothing',
      x => condition(x, 'AbleToScale')?.status === 'False',
    );
    expect(condition(h, 'AbleToScale')).toMatchObject({
      reason: 'FailedGetScale',
      message:
        'the HPA controller was unable to get the target\'s current scale: deployments.apps "nothing" not found',
    });
  });

  it('scales on an Object metric of a pod (Value target) and reports once an External metric it cannot read', async () => {
    const api = await deploy('healthy', 'object', 25);
    const pod = (
      await api.get(`/api/v1/namespaces/${NS}/pods?labelSelector=app=object`)
    ).json.items[0].metadata.name;
    const metrics = [
      {
        type: 'Object',
        object: {
          metric: { name: METRIC },
          describedObject: { apiVersion: 'v1', kind: 'Pod', name: pod },
          target: { type: 'Value', value: '10' },
        },
      },
      {
        type: 'External',
        external: {
          metric: { name: 'queue_depth' },
          target: { type: 'AverageValue', averageValue: '5' },
        },
      },
    ];
    const spec = { ...hpa('object').spec, maxReplicas: 5, metrics };
    expect((await api.post(HPAS, { ...hpa('object'), spec })).status).toBe(201);
    const h = await hpaWhen(
      api,
      'object',
      x => x?.status?.desiredReplicas === 3,
    );
    expect(h.status.currentMetrics).toEqual([
      {
        type: 'Object',
        object: {
          metric: { name: METRIC },
          describedObject: { apiVersion: 'v1', kind: 'Pod', name: pod },
          current: { value: '25' },
        },
      },
    ]);
    expect(condition(h, 'ScalingActive')?.message).toBe(
      `the HPA was able to successfully calculate a replica count from object metric ${METRIC}`,
    );
    expect(await replicas(api, 'object')).toBe(3);
    const failed = (await api.events(NS, 'object')).filter(
      e => e.reason === 'FailedGetExternalMetric',
    );
    expect(failed).toHaveLength(1);
    expect(failed[0].message).toMatch(
      /^unable to get external metric hpa\/queue_depth\/nil: unable to fetch metrics from external metrics API: /,
    );
  });
});
