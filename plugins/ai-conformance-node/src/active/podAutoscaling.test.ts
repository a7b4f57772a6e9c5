import type { KubeRequest, KubeResponse } from '../cluster/KubeApiClient';
import { FakeCluster, node } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import {
  HPA_METRIC,
  metricNameFor,
  podAutoscalingActive,
} from './podAutoscaling';

const STACKDRIVER_METRIC = `prometheus.googleapis.com|${HPA_METRIC}|gauge`;

/**
 * A cluster serving custom.metrics.k8s.io through GKE's adapter: `metric`
 * decides what a pod metric read answers, `scales` whether an HPA controller
 * grows the Deployment.
 */
class MetricsCluster extends FakeCluster {
  metricReads: string[] = [];
  constructor(
    readonly metric: (name: string) => KubeResponse,
    scales: boolean,
  ) {
    super();
    this.groups['custom.metrics.k8s.io'] = {
      version: 'v1beta2',
      resources: ['*/metrics'],
    };
    this.add('/apis/apiregistration.k8s.io/v1/apiservices', {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: 'v1beta2.custom.metrics.k8s.io' },
      spec: {
        service: {
          namespace: 'custom-metrics',
          name: 'custom-metrics-stackdriver-adapter',
        },
      },
    });
    this.add('/api/v1/nodes', node('gpu-a', {}, { 'nvidia.com/gpu': '1' }));
    this.tick = cl => {
      const hpa = cl.find('horizontalpodautoscalers', 'aic-hpa');
      const deployment = cl.find('deployments', 'aic-hpa');
      if (!hpa || !deployment) return;
      hpa.status = {
        currentReplicas: 1,
        desiredReplicas: scales ? 2 : 1,
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
          { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound' },
        ],
      };
      if (scales) deployment.spec.replicas = 2;
    };
  }

  async request(req: KubeRequest): Promise<KubeResponse> {
    const m =
      /^\/apis\/custom\.metrics\.k8s\.io\/v1beta2\/namespaces\/[^/]+\/pods\/\*\/(.+)$/.exec(
        req.path,
      );
    if (m) {
      this.metricReads.push(decodeURIComponent(m[1]));
      return this.metric(decodeURIComponent(m[1]));
    }
    return super.request(req);
  }
}

const served = (name: string): KubeResponse => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify({
    kind: 'MetricValueList',
    items: [
      {
        describedObject: { kind: 'Pod', name: 'aic-hpa-abc12-xyz34' },
        metric: { name },
        value: '100',
      },
    ],
  }),
});
const notFound = (name: string): KubeResponse => ({
  status: 404,
  contentType: 'application/json',
  body: JSON.stringify({
    kind: 'Status',
    code: 404,
    message: `the server could not find the metric ${name} for pods`,
  }),
});

describe('pod_autoscaling (active)', () => {
  it('names the metric as the adapter serves it', () => {
    expect(
      metricNameFor('custom-metrics/custom-metrics-stackdriver-adapter'),
    ).toBe(STACKDRIVER_METRIC);
    expect(metricNameFor('monitoring/prometheus-adapter')).toBe(HPA_METRIC);
  });

  it('passes when the HPA on the custom metric grows the Deployment of accelerator pods, and cleans up', async () => {
    const c = new MetricsCluster(served, true);
    const r = (await runOne(c, podAutoscalingActive)).results[0];
    expect(r.status).toBe('pass');
    expect(r.summary).toContain(
      `The HPA on the custom metric ${STACKDRIVER_METRIC} (served 100 for pod aic-hpa-abc12-xyz34, target 10) scaled Deployment aic-hpa from 1 to 2 replicas`,
    );
    expect(r.summary).toContain('(pods of one nvidia.com/gpu)');
    expect(c.metricReads).toContain(STACKDRIVER_METRIC);
    const created = c.log.filter(x => x.method === 'POST').map(x => x.path);
    expect(created).toContain(
      '/apis/autoscaling/v2/namespaces/aic-run-01234567/horizontalpodautoscalers',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('uses CPU pods and says so when no accelerator is free', async () => {
    const c = new MetricsCluster(served, true);
    c.objects.clear();
    c.groups['custom.metrics.k8s.io'] = { version: 'v1beta2', resources: [] };
    c.add('/api/v1/nodes', node('cpu-a'));
    let limits: unknown;
    const tick = c.tick;
    c.tick = cl => {
      const d = cl.find('deployments', 'aic-hpa');
      if (d) limits = d.spec.template.spec.containers[0].resources.limits;
      tick(cl);
    };
    const r = (await runOne(c, podAutoscalingActive)).results[0];
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('(CPU-only pods: no accelerator was free)');
    expect(limits).not.toHaveProperty('nvidia.com/gpu');
    // no APIService readable: the adapter is unknown, the metric keeps its own name
    expect(c.metricReads).toContain(HPA_METRIC);
  });

  it('fails when the metric is served above target for the whole window and the HPA never scales', async () => {
    const c = new MetricsCluster(served, false);
    const r = (
      await runOne(c, podAutoscalingActive, {
        hpaObserveMs: 100,
      })
    ).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(
      /The custom metrics API served prometheus\.googleapis\.com\|aic_hpa_load\|gauge = 100 for pod aic-hpa-abc12-xyz34 \(target 10\) for [\d.]+ s, yet the HPA did not scale Deployment aic-hpa beyond 1 replica: currentReplicas 1, desiredReplicas 1; AbleToScale=True ReadyForNewScale/,
    );
  });

  it('is unknown when the metric is never served (the adapter does not carry the pod’s gauge)', async () => {
    const c = new MetricsCluster(notFound, false);
    const r = (await runOne(c, podAutoscalingActive, { checkDeadlineMs: 400 }))
      .results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      `the custom metrics API never served ${STACKDRIVER_METRIC} for the test pod`,
    );
    expect(r.summary).toContain(
      `last answer: the server could not find the metric ${STACKDRIVER_METRIC} for pods (HTTP 404)`,
    );
  });

  it('is unknown when the deadline ends the observation window early', async () => {
    const c = new MetricsCluster(served, false);
    const r = (
      await runOne(c, podAutoscalingActive, {
        checkDeadlineMs: 400,
        hpaObserveMs: 60_000,
      })
    ).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('the HPA needs 60 s to be judged');
  });

  it('is unknown and creates nothing when the cluster serves no custom metrics API', async () => {
    const c = new MetricsCluster(served, true);
    delete c.groups['custom.metrics.k8s.io'];
    const r = (await runOne(c, podAutoscalingActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      'the cluster serves no custom.metrics.k8s.io (no custom-metrics adapter is installed)',
    );
    expect(
      c
        .writes()
        .filter(w => w.method === 'POST' && !w.path.endsWith('/namespaces')),
    ).toEqual([]);
  });
});
