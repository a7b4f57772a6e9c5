import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { isAcceleratorResource } from '../accelerators/acceleratorLabels';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import { freeOn, isReady, podSpec } from './pods';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'pod_autoscaling';
const NAME = 'aic-hpa';
/** The gauge the test pod exposes, and the HPA's target for it. */
export const HPA_METRIC = 'aic_hpa_load';
const METRIC_VALUE = 100;
const TARGET_VALUE = 10;
const MAX_REPLICAS = 2;
const CUSTOM_METRICS = 'custom.metrics.k8s.io';
/** Default wait after the metric is served before a missing scale-up fails. */
export const DEFAULT_HPA_OBSERVE_MS = 120_000;

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function condition(hpa: ActiveObject | undefined, type: string) {
  return (hpa?.status?.conditions ?? []).find((c: any) => c.type === type);
}

function describeHpa(hpa: ActiveObject | undefined): string {
  if (!hpa?.status || !hpa.status.conditions)
    return 'the HPA has no status (no controller acted on it)';
  const parts = ['AbleToScale', 'ScalingActive', 'ScalingLimited']
    .map(t => condition(hpa, t))
    .filter(Boolean)
    .map(
      (c: any) => `${c.type}=${c.status} ${c.reason ?? ''}: ${c.message ?? ''}`,
    );
  return `currentReplicas ${
    hpa.status.currentReplicas ?? '?'
  }, desiredReplicas ${hpa.status.desiredReplicas ?? '?'}; ${parts.join('; ')}`;
}

/**
 * The custom metrics API's preferred version and the adapter behind it;
 * inconclusive when the cluster does not serve it or it is unavailable.
 */
async function customMetricsApi(
  ctx: ActiveCheckContext,
): Promise<{ version: string; adapter: string }> {
  const group = await ctx.kube.call('GET', `/apis/${CUSTOM_METRICS}`);
  if (group.status === 404) {
    throw new ActiveInconclusive(
      `the cluster serves no ${CUSTOM_METRICS} (no custom-metrics adapter is installed); install one (prometheus-adapter, GKE's custom-metrics-stackdriver-adapter) for an HPA on a custom metric`,
    );
  }
  const version = group.json?.preferredVersion?.version;
  if (group.status !== 200 || typeof version !== 'string') {
    throw new ActiveInconclusive(
      `${CUSTOM_METRICS} discovery answered ${group.message} (HTTP ${group.status})`,
    );
  }
  const resources = await ctx.kube.call(
    'GET',
    `/apis/${CUSTOM_METRICS}/${version}`,
  );
  const svc = await ctx.kube
    .get(
      `/apis/apiregistration.k8s.io/v1/apiservices/${version}.${CUSTOM_METRICS}`,
    )
    .catch(() => undefined);
  const adapter = svc?.spec?.service
    ? `${svc.spec.service.namespace}/${svc.spec.service.name}`
    : 'unknown';
  if (resources.status !== 200) {
    const available = condition(svc, 'Available');
    throw new ActiveInconclusive(
      `the custom metrics API ${CUSTOM_METRICS}/${version} (adapter ${adapter}) answered HTTP ${
        resources.status
      }: ${resources.message}${
        available?.status === 'False'
          ? `; APIService Available=False ${available.reason}: ${available.message}`
          : ''
      }`,
    );
  }
  return { version, adapter };
}

/**
 * The series name the adapter serves the pod's gauge under: GKE's
 * custom-metrics-stackdriver-adapter reads Managed Prometheus series as
 * `prometheus.googleapis.com|<name>|gauge`; prometheus-adapter serves the
 * gauge under its own name.
 */
export function metricNameFor(adapter: string): string {
  return /stackdriver/.test(adapter)
    ? `prometheus.googleapis.com|${HPA_METRIC}|gauge`
    : HPA_METRIC;
}

/** Creates the check's object of that kind (named like the check) in the run's namespace. */
function createInRun(
  ctx: ActiveCheckContext,
  apiVersion: string,
  resource: string,
  kind: string,
  spec: Record<string, unknown>,
): Promise<ActiveObject> {
  return ctx.kube.create(
    `/apis/${apiVersion}/namespaces/${ctx.namespace}/${resource}`,
    {
      apiVersion,
      kind,
      metadata: { name: NAME, namespace: ctx.namespace, labels: ctx.labels },
      spec,
    },
  );
}

/** An accelerator resource some Ready node still has free, if any. */
async function freeAccelerator(
  ctx: ActiveCheckContext,
): Promise<{ resource: string; node: string } | undefined> {
  const nodes = await ctx.kube.list('/api/v1/nodes');
  for (const node of nodes) {
    if (!isReady(node)) continue;
    const resources = Object.keys(node.status?.allocatable ?? {}).filter(
      isAcceleratorResource,
    );
    for (const resource of resources)
      if ((await freeOn(ctx, node, resource)) > 0)
        return { resource, node: node.metadata.name };
  }
  return undefined;
}

/**
 * pod_autoscaling: a Deployment of one pod exposing a gauge ten times its
 * target, and an HPA on that custom metric: the HPA must grow the
 * Deployment. `fail` only once the metric was served through the custom
 * metrics API for the whole observation window while the HPA did not scale.
 *
 * @public
 */
export const podAutoscalingActive: ActiveCheck = {
  id: ID,
  creates: [
    `Deployment ${NAME}: 1 replica exposing the gauge ${HPA_METRIC}=${METRIC_VALUE} (prometheus-dummy-exporter), one accelerator each when one is free (else CPU only, said in the evidence)`,
    `HorizontalPodAutoscaler ${NAME} (autoscaling/v2): Pods metric ${HPA_METRIC}, target averageValue ${TARGET_VALUE}, 1 to ${MAX_REPLICAS} replicas`,
  ],
  permissions: [
    { group: '', resource: 'nodes', verbs: ['list'], scope: 'cluster' },
    { group: '', resource: 'pods', verbs: ['list'], scope: 'all' },
    { group: '', resource: 'pods', verbs: ['list'], scope: 'run' },
    { group: '', resource: 'events', verbs: ['list'], scope: 'run' },
    {
      group: 'apiregistration.k8s.io',
      resource: 'apiservices',
      verbs: ['get'],
      scope: 'cluster',
    },
    {
      group: 'apps',
      resource: 'deployments',
      verbs: ['create', 'get', 'delete'],
      scope: 'run',
    },
    {
      group: 'autoscaling',
      resource: 'horizontalpodautoscalers',
      verbs: ['create', 'get', 'delete'],
      scope: 'run',
    },
    // metric reads are authorized as pods/<metric>: only `*` covers them
    {
      group: CUSTOM_METRICS,
      resource: '*',
      verbs: ['get', 'list'],
      scope: 'run',
    },
  ],
  deadlineMs: 5 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', `reading the ${CUSTOM_METRICS} API`);
    const api = await customMetricsApi(ctx);
    const metric = metricNameFor(api.adapter);
    const accelerator = await freeAccelerator(ctx);
    evidence.push({
      description: `Custom metrics API ${CUSTOM_METRICS}/${
        api.version
      } served by ${api.adapter}; HPA metric ${metric}; ${
        accelerator
          ? `pods ask for one ${accelerator.resource} (free on ${accelerator.node})`
          : 'no accelerator is free: the pods ask for CPU only (the HPA acts the same; the accelerator pool is not exercised)'
      }`,
      fields: {
        adapter: api.adapter,
        metric,
        accelerator: accelerator?.resource ?? 'none free',
      },
    });
    const labels = { ...ctx.labels, app: NAME };
    const spec = podSpec({
      containers: [
        {
          name: 'exporter',
          image: ctx.images.metricsExporter,
          command: [
            './prometheus-dummy-exporter',
            `--metric-name=${HPA_METRIC}`,
            `--metric-value=${METRIC_VALUE}`,
            '--port=8080',
          ],
          ...(accelerator ? { limits: { [accelerator.resource]: '1' } } : {}),
        },
      ],
    });
    ctx.step(
      'create',
      `Deployment ${NAME} and HorizontalPodAutoscaler ${NAME}`,
    );
    await createInRun(ctx, 'apps/v1', 'deployments', 'Deployment', {
      replicas: 1,
      selector: { matchLabels: { app: NAME, ...ctx.labels } },
      template: {
        metadata: { labels },
        spec: { ...spec, restartPolicy: 'Always' },
      },
    });
    await createInRun(
      ctx,
      'autoscaling/v2',
      'horizontalpodautoscalers',
      'HorizontalPodAutoscaler',
      {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: NAME,
        },
        minReplicas: 1,
        maxReplicas: MAX_REPLICAS,
        metrics: [
          {
            type: 'Pods',
            pods: {
              metric: { name: metric },
              target: {
                type: 'AverageValue',
                averageValue: String(TARGET_VALUE),
              },
            },
          },
        ],
      },
    );
    const started = Date.now();
    const observeMs = ctx.options.hpaObserveMs ?? DEFAULT_HPA_OBSERVE_MS;
    let servedAt: number | undefined;
    let served: string | undefined;
    let lastRead = '';
    let hpa: ActiveObject | undefined;
    ctx.step('wait', `waiting for ${metric} to be served and the HPA to scale`);
    const metricPath = `/apis/${CUSTOM_METRICS}/${api.version}/namespaces/${
      ctx.namespace
    }/pods/*/${encodeURIComponent(metric)}`;
    const scaled = await ctx.kube.waitWithin(ctx.remainingMs(), async () => {
      const read = await ctx.kube.call('GET', metricPath, {
        query: { labelSelector: `app=${NAME}` },
      });
      const item = read.status === 200 ? read.json?.items?.[0] : undefined;
      if (item?.value !== undefined) {
        if (servedAt === undefined) {
          servedAt = Date.now();
          ctx.step(
            'metric',
            `${metric} served: ${item.value} for pod ${item.describedObject?.name}`,
          );
        }
        served = `${item.value} for pod ${item.describedObject?.name ?? '?'}`;
      } else lastRead = `${read.message} (HTTP ${read.status})`;
      hpa = await ctx.kube.get(
        `/apis/autoscaling/v2/namespaces/${ctx.namespace}/horizontalpodautoscalers/${NAME}`,
      );
      const deployment = await ctx.kube.get(
        `/apis/apps/v1/namespaces/${ctx.namespace}/deployments/${NAME}`,
      );
      if (Number(deployment?.spec?.replicas ?? 1) > 1) return deployment;
      if (servedAt !== undefined && Date.now() - servedAt >= observeMs)
        return null;
      return undefined;
    });
    const waited = Date.now() - started;
    const events = await ctx.kube
      .list(`/api/v1/namespaces/${ctx.namespace}/events`)
      .catch(() => [] as ActiveObject[]);
    for (const e of events
      .filter(x => x.involvedObject?.kind === 'HorizontalPodAutoscaler')
      .slice(0, 5)) {
      evidence.push({
        description: `Event ${e.reason} on HorizontalPodAutoscaler ${
          e.involvedObject?.name ?? ''
        }: ${String(e.message ?? '').slice(0, 300)}`,
        fields: { reason: String(e.reason), type: String(e.type ?? '') },
      });
    }
    const hpaEvidence: Evidence = {
      description: `HorizontalPodAutoscaler ${NAME}: ${describeHpa(hpa)}`.slice(
        0,
        600,
      ),
      object: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        name: NAME,
        namespace: ctx.namespace,
      },
      fields: {
        metric,
        ...(served ? { served } : {}),
        ...(hpa?.status?.currentMetrics?.[0]?.pods?.current?.averageValue
          ? {
              hpaCurrent:
                hpa.status.currentMetrics[0].pods.current.averageValue,
            }
          : {}),
      },
    };
    evidence.push(hpaEvidence);
    if (scaled) {
      return {
        id: ID,
        status: 'pass',
        summary: `The HPA on the custom metric ${metric} (served ${
          served ?? 'above target'
        }, target ${TARGET_VALUE}) scaled Deployment ${NAME} from 1 to ${
          scaled.spec.replicas
        } replicas in ${seconds(waited)}${
          accelerator
            ? ` (pods of one ${accelerator.resource})`
            : ' (CPU-only pods: no accelerator was free)'
        }.`,
        evidence,
      };
    }
    if (servedAt === undefined) {
      throw new ActiveInconclusive(
        `the custom metrics API never served ${metric} for the test pod within ${seconds(
          waited,
        )} (last answer: ${lastRead}); the adapter (${
          api.adapter
        }) must carry the pod's gauge (a scrape of port 8080, e.g. a PodMonitoring on GKE or a prometheus-adapter rule) to judge the HPA`,
      );
    }
    if (scaled === undefined || Date.now() - servedAt < observeMs) {
      throw new ActiveInconclusive(
        `${metric} was served (${served}) for only ${seconds(
          Date.now() - servedAt,
        )} before the deadline; the HPA needs ${seconds(
          observeMs,
        )} to be judged (${describeHpa(hpa)})`,
      );
    }
    return {
      id: ID,
      status: 'fail',
      summary: `The custom metrics API served ${metric} = ${served} (target ${TARGET_VALUE}) for ${seconds(
        Date.now() - servedAt,
      )}, yet the HPA did not scale Deployment ${NAME} beyond 1 replica: ${describeHpa(
        hpa,
      )}.`,
      evidence,
    };
  },
};
