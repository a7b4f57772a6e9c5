import { runConformanceCheck } from '../collector/runConformanceCheck';
import { mergeActiveResults } from './mergeActiveResults';
import { runActiveChecks, RunActiveChecksOptions } from './runActiveChecks';
import {
  labelledObjects,
  type Sim,
  simApiClient,
  simConnection,
  startActiveSim,
} from './__testUtils__/simClusters';

jest.setTimeout(120_000);

const ONLY: RunActiveChecksOptions = {
  requirementIds: ['pod_autoscaling'],
  pollIntervalMs: 100,
  checkDeadlineMs: 20_000,
  hpaObserveMs: 3000,
};

describe('pod_autoscaling against kube-sim', () => {
  let sim: Sim;

  beforeAll(async () => {
    sim = await startActiveSim([
      { name: 'gke134', scenario: 'gke-1.34-conformant' },
      { name: 'gke137', scenario: 'gke-1.37-conformant' },
      {
        name: 'stuck',
        scenario: 'gke-1.37-conformant',
        workloads: { hpa: 'stuck' },
      },
      {
        name: 'absent',
        scenario: 'gke-1.37-conformant',
        workloads: { metrics: 'absent' },
      },
      { name: 'down', scenario: 'adapter-down' },
    ]);
  });

  afterAll(() => sim?.stop());

  /** What the check creates, by the run label. */
  const leftovers = (name: string) =>
    labelledObjects(sim, name, [
      '/api/v1/namespaces',
      '/api/v1/pods',
      '/apis/apps/v1/deployments',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
    ]);

  it.each(['gke134', 'gke137'])(
    'healthy %s: the HPA on the pod’s custom metric grows the Deployment of accelerator pods; nothing is left',
    async name => {
      const run = await runActiveChecks(await simApiClient(sim, name), ONLY);
      const r = run.results[0];
      expect([r.id, r.status]).toEqual(['pod_autoscaling', 'pass']);
      expect(r.summary).toMatch(
        /^The HPA on the custom metric prometheus\.googleapis\.com\|aic_hpa_load\|gauge \(served 100 for pod aic-hpa-\S+, target 10\) scaled Deployment aic-hpa from 1 to 2 replicas in [\d.]+ s \(pods of one nvidia\.com\/gpu\)\.$/,
      );
      const text = r.evidence.map(e => e.description).join('\n');
      expect(text).toContain(
        'served by custom-metrics/custom-metrics-stackdriver-adapter',
      );
      expect(text).toContain(
        'Event SuccessfulRescale on HorizontalPodAutoscaler aic-hpa: New size: 2; reason: pods metric prometheus.googleapis.com|aic_hpa_load|gauge above target',
      );
      expect(run.cleanup.errors).toEqual([]);
      expect(await leftovers(name)).toEqual([]);
    },
  );

  it('hpa: stuck fails pod_autoscaling under active while passive passes it', async () => {
    const { report } = await runConformanceCheck(
      await simConnection(sim, 'stuck'),
    );
    expect(
      report.requirements.find(x => x.id === 'pod_autoscaling')?.status,
    ).toBe('pass');
    const run = await runActiveChecks(await simApiClient(sim, 'stuck'), ONLY);
    const r = run.results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(
      /^The custom metrics API served prometheus\.googleapis\.com\|aic_hpa_load\|gauge = 100 for pod aic-hpa-\S+ \(target 10\) for [\d.]+ s, yet the HPA did not scale Deployment aic-hpa beyond 1 replica: the HPA has no status \(no controller acted on it\)\.$/,
    );
    const merged = mergeActiveResults(report, run);
    expect(
      merged.requirements.find(x => x.id === 'pod_autoscaling'),
    ).toMatchObject({ status: 'fail', method: 'active' });
    expect(merged.verdict).toBe('not-conformant');
    expect(await leftovers('stuck')).toEqual([]);
  });

  it('metrics: absent is unknown: the metric is never served, so the HPA cannot be judged', async () => {
    const r = (
      await runActiveChecks(await simApiClient(sim, 'absent'), {
        ...ONLY,
        checkDeadlineMs: 5000,
      })
    ).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      'the custom metrics API never served prometheus.googleapis.com|aic_hpa_load|gauge for the test pod',
    );
    expect(r.summary).toContain(
      'last answer: the server could not find the metric prometheus.googleapis.com|aic_hpa_load|gauge for pods (HTTP 404)',
    );
    expect(await leftovers('absent')).toEqual([]);
  });

  it('an unavailable adapter is unknown, quoting its APIService, and creates no workload', async () => {
    const run = await runActiveChecks(await simApiClient(sim, 'down'), ONLY);
    const r = run.results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      'the custom metrics API custom.metrics.k8s.io/v1beta2 (adapter custom-metrics/custom-metrics-stackdriver-adapter) answered HTTP 503',
    );
    expect(r.summary).toContain('APIService Available=False');
    expect(
      sim
        .cluster('down')
        .requestLog()
        .filter(
          e => e.method === 'POST' && /deployments|horizontalpod/.test(e.path),
        ),
    ).toEqual([]);
  });
});
