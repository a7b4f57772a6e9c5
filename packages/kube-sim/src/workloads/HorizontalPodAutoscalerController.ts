import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { ApiCatalog } from '../api/ApiCatalog';
import {
  CUSTOM_METRICS_GROUP,
  type ExposedMetrics,
  podMetricValues,
} from './customMetrics';
import { formatQuantity, quantityValue } from './quantity';
import { recordEvent } from './recordEvent';
import {
  nowTimestamp,
  withCondition,
  WorkloadController,
} from './WorkloadController';
import type { WorkloadSettings } from './WorkloadSettings';

const COMPONENT = 'horizontal-pod-autoscaler';
/** kube-controller-manager's `--horizontal-pod-autoscaler-tolerance`. */
const TOLERANCE = 0.1;
/** Default scale-down stabilization window (autoscaling/v2 behavior). */
const DOWN_WINDOW_S = 300;
const SCALABLE: Record<string, string> = {
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
};

type MetricTarget = {
  type?: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
};
type MetricSpec = {
  type: string;
  pods?: { metric: { name: string; selector?: unknown }; target: MetricTarget };
  object?: {
    metric: { name: string };
    describedObject: { kind: string; name: string; apiVersion?: string };
    target: MetricTarget;
  };
  external?: { metric: { name: string }; target: MetricTarget };
  resource?: { name: string; target: MetricTarget };
};
type HpaSpec = {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricSpec[];
  behavior?: { scaleDown?: { stabilizationWindowSeconds?: number } };
};

/** One metric's replica proposal, or why it could not be computed. */
type Proposal =
  | { replicas: number; current: Record<string, unknown>; label: string }
  | { error: string; reason: string };

class MetricError extends Error {
  constructor(readonly reason: string, message: string) {
    super(message);
  }
}

function matchLabelsSelector(selector: unknown): string | undefined {
  const s = selector as
    | {
        matchLabels?: Record<string, string>;
        matchExpressions?: Array<{
          key: string;
          operator: string;
          values?: string[];
        }>;
      }
    | undefined;
  if (!s) return undefined;
  const parts = Object.entries(s.matchLabels ?? {}).map(
    ([k, v]) => `${k}=${v}`,
  );
  for (const e of s.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/**
 * kube-controller-manager's horizontal pod autoscaler for `autoscaling/v2` objects created at run
 * time: every `hpaSyncMs` it reads the target's scale (`spec.replicas` and selector of a
 * Deployment, ReplicaSet or StatefulSet), computes a replica count per metric from the custom
 * metrics API (`Pods`: `ceil(sum / averageValue)` over the pods that report it; `Object` with
 * `Value`: `ceil(current × value / target)`, `AverageValue`: `ceil(value / averageValue)`;
 * `External` the same from the external metrics API), keeps the largest, stays within
 * `minReplicas`/`maxReplicas` and the 10 % tolerance, holds scale-downs for the stabilization
 * window, writes the target's `spec.replicas` (as the scale subresource does) and the HPA's status:
 * `currentReplicas`, `desiredReplicas`, `currentMetrics`, `lastScaleTime` and the conditions
 * `AbleToScale`, `ScalingActive`, `ScalingLimited`, with kube-controller-manager's reasons and
 * events (`SuccessfulRescale`, `FailedGetPodsMetric`, `FailedGetScale`...).
 */
export class HorizontalPodAutoscalerController extends WorkloadController {
  readonly name = 'horizontal-pod-autoscaler';
  private ticking = false;
  /** Failures of single metrics already reported, per HPA uid (one event each). */
  private readonly reported = new Map<string, Set<string>>();
  /** Recent recommendations per HPA uid, for the scale-down stabilization window. */
  private readonly recommendations = new Map<
    string,
    Array<{ at: number; replicas: number }>
  >();

  constructor(
    settings: WorkloadSettings,
    private readonly exposed: ExposedMetrics,
  ) {
    super(settings);
  }

  protected interested(c: StoreChange): boolean {
    return (
      this.settings.hpa !== 'stuck' &&
      c.group === 'autoscaling' &&
      c.resource === 'horizontalpodautoscalers' &&
      c.verb === 'create'
    );
  }

  protected pass(): void {
    const hpas = this.listAdded('autoscaling', 'horizontalpodautoscalers');
    const live = new Set(hpas.map(h => String(h.metadata.uid)));
    for (const uid of this.recommendations.keys())
      if (!live.has(uid)) this.recommendations.delete(uid);
    for (const uid of this.reported.keys())
      if (!live.has(uid)) this.reported.delete(uid);
    for (const hpa of hpas) {
      try {
        this.reconcile(hpa);
      } catch (e) {
        this.lastError = e as Error;
      }
    }
    if (hpas.length && !this.ticking) {
      this.ticking = true;
      this.after(this.settings.hpaSyncMs, () => {
        this.ticking = false;
        this.pass();
      });
    }
  }

  private reconcile(hpa: KubeObject): void {
    const spec = hpa.spec as HpaSpec | undefined;
    if (!spec?.scaleTargetRef || !Array.isArray(spec.metrics)) return;
    const status = (hpa.status ?? {}) as Record<string, any>;
    const ref = spec.scaleTargetRef;
    const resource = SCALABLE[ref.kind];
    const target = resource
      ? this.store.get('apps', resource, hpa.metadata.namespace, ref.name)
      : undefined;
    if (!target) {
      const message = `the HPA controller was unable to get the target's current scale: ${
        resource
          ? `${resource}.apps "${ref.name}" not found`
          : `no matches for kind "${ref.kind}" in group "${
              (ref.apiVersion ?? '').split('/')[0]
            }"`
      }`;
      this.fail(hpa, status, 'AbleToScale', 'FailedGetScale', message);
      return;
    }
    const currentReplicas = Number(
      (target.spec as { replicas?: number }).replicas ?? 1,
    );
    const minReplicas = spec.minReplicas ?? 1;
    let conditions = withCondition(status.conditions, {
      type: 'AbleToScale',
      status: 'True',
      reason: 'SucceededGetScale',
      message: "the HPA controller was able to get the target's current scale",
    });
    if (currentReplicas === 0 && minReplicas !== 0) {
      conditions = withCondition(conditions, {
        type: 'ScalingActive',
        status: 'False',
        reason: 'ScalingDisabled',
        message:
          'scaling is disabled since the replica count of the target is zero',
      });
      this.writeHpa(hpa, {
        ...status,
        currentReplicas,
        desiredReplicas: 0,
        conditions,
      });
      return;
    }
    const selector = matchLabelsSelector(
      (target.spec as { selector?: unknown }).selector,
    );
    const proposals = spec.metrics.map(m =>
      this.propose(hpa, m, currentReplicas, selector),
    );
    const good = proposals.filter(
      (p): p is Extract<Proposal, { replicas: number }> => 'replicas' in p,
    );
    const bad = proposals.find(
      (p): p is Extract<Proposal, { error: string }> => 'error' in p,
    );
    if (!good.length) {
      const failure = bad ?? {
        reason: 'FailedGetResourceMetric',
        error: 'no metrics to compute a replica count from',
      };
      if (this.isNewFailure(status, 'ScalingActive', failure.reason)) {
        recordEvent(this.store, hpa, {
          type: 'Warning',
          reason: failure.reason,
          message: failure.error,
          component: COMPONENT,
        });
        recordEvent(this.store, hpa, {
          type: 'Warning',
          reason: 'FailedComputeMetricsReplicas',
          message: `invalid metrics (${spec.metrics.length} invalid out of ${spec.metrics.length}), first error is: ${failure.error}`,
          component: COMPONENT,
        });
      }
      this.writeHpa(hpa, {
        ...status,
        currentReplicas,
        desiredReplicas: status.desiredReplicas ?? currentReplicas,
        currentMetrics: null,
        conditions: withCondition(conditions, {
          type: 'ScalingActive',
          status: 'False',
          reason: failure.reason,
          message: `the HPA was unable to compute the replica count: ${failure.error}`,
        }),
      });
      return;
    }
    if (bad && !this.reported.get(String(hpa.metadata.uid))?.has(bad.error)) {
      // some metrics are invalid: scale on the others, as the controller does
      const seen = this.reported.get(String(hpa.metadata.uid)) ?? new Set();
      seen.add(bad.error);
      this.reported.set(String(hpa.metadata.uid), seen);
      recordEvent(this.store, hpa, {
        type: 'Warning',
        reason: bad.reason,
        message: bad.error,
        component: COMPONENT,
      });
    }
    const best = good.reduce((a, b) => (b.replicas > a.replicas ? b : a));
    conditions = withCondition(conditions, {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${best.label}`,
    });
    // with an invalid metric the controller never scales down
    let desired = this.stabilized(
      hpa,
      spec,
      bad ? Math.max(best.replicas, currentReplicas) : best.replicas,
    );
    let limited = {
      status: 'False',
      reason: 'DesiredWithinRange',
      message: 'the desired count is within the acceptable range',
    };
    // default scale-up policies: at most double, or four more pods, per period
    const upLimit = Math.max(2 * currentReplicas, currentReplicas + 4);
    if (desired > upLimit) {
      desired = upLimit;
      limited = {
        status: 'True',
        reason: 'ScaleUpLimit',
        message:
          'the desired replica count is increasing faster than the maximum scale rate',
      };
    }
    if (desired > spec.maxReplicas) {
      desired = spec.maxReplicas;
      limited = {
        status: 'True',
        reason: 'TooManyReplicas',
        message:
          'the desired replica count is more than the maximum replica count',
      };
    } else if (desired < minReplicas) {
      desired = minReplicas;
      limited = {
        status: 'True',
        reason: 'TooFewReplicas',
        message:
          'the desired replica count is less than the minimum replica count',
      };
    }
    conditions = withCondition(conditions, {
      type: 'ScalingLimited',
      ...limited,
    });
    let lastScaleTime = status.lastScaleTime;
    if (desired !== currentReplicas) {
      this.store.update('apps', resource, {
        ...target,
        spec: { ...(target.spec as object), replicas: desired },
      });
      lastScaleTime = nowTimestamp();
      recordEvent(this.store, hpa, {
        reason: 'SuccessfulRescale',
        message: `New size: ${desired}; reason: ${best.label} ${
          desired > currentReplicas ? 'above' : 'below'
        } target`,
        component: COMPONENT,
      });
      conditions = withCondition(conditions, {
        type: 'AbleToScale',
        status: 'True',
        reason: 'SucceededRescale',
        message: `the HPA controller was able to update the target scale to ${desired}`,
      });
    } else {
      conditions = withCondition(conditions, {
        type: 'AbleToScale',
        status: 'True',
        reason: 'ReadyForNewScale',
        message: 'recommended size matches current size',
      });
    }
    this.writeHpa(hpa, {
      ...status,
      observedGeneration: hpa.metadata.generation,
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas,
      desiredReplicas: desired,
      currentMetrics: good.map(p => p.current),
      conditions,
    });
  }

  /** The largest recommendation of the scale-down stabilization window. */
  private stabilized(hpa: KubeObject, spec: HpaSpec, replicas: number): number {
    const uid = String(hpa.metadata.uid);
    const now = Date.now();
    const windowMs =
      (spec.behavior?.scaleDown?.stabilizationWindowSeconds ?? DOWN_WINDOW_S) *
      1000;
    const kept = (this.recommendations.get(uid) ?? []).filter(
      r => now - r.at <= windowMs,
    );
    kept.push({ at: now, replicas });
    this.recommendations.set(uid, kept);
    return Math.max(...kept.map(r => r.replicas));
  }

  private propose(
    hpa: KubeObject,
    m: MetricSpec,
    currentReplicas: number,
    selector: string | undefined,
  ): Proposal {
    try {
      if (m.type === 'Pods' && m.pods) {
        const name = m.pods.metric.name;
        const values = this.readPods(hpa, name, selector);
        const sum = values.reduce((a, b) => a + b, 0);
        const target = this.quantity(m.pods.target.averageValue, name);
        const average = sum / values.length;
        const ratio = average / target;
        const replicas =
          Math.abs(ratio - 1) <= TOLERANCE
            ? currentReplicas
            : Math.ceil(ratio * values.length);
        return {
          replicas,
          label: `pods metric ${name}`,
          current: {
            type: 'Pods',
            pods: {
              metric: { name },
              current: { averageValue: formatQuantity(average) },
            },
          },
        };
      }
      if (m.type === 'Object' && m.object) {
        const { metric, describedObject, target } = m.object;
        if (describedObject.kind !== 'Pod') {
          throw new MetricError(
            'FailedGetObjectMetric',
            `unable to get metric ${metric.name}: ${describedObject.kind} on ${
              hpa.metadata.namespace
            } ${
              describedObject.name
            }/unable to fetch metrics from custom metrics API: the server could not find the metric ${
              metric.name
            } for ${describedObject.kind.toLowerCase()}s`,
          );
        }
        const [value] = this.readPods(
          hpa,
          metric.name,
          undefined,
          describedObject.name,
        );
        return this.fromTotal(
          'Object',
          metric.name,
          value,
          target,
          currentReplicas,
          {
            describedObject,
          },
        );
      }
      if (m.type === 'External' && m.external) {
        // the double has no external source: an available adapter answers no series
        const external = new ApiCatalog(this.store).group(
          'external.metrics.k8s.io',
        );
        let why = 'no metrics returned from external metrics API';
        if (!external) why = 'no known available metric versions found';
        else if (external.aggregated && !external.aggregated.available)
          why = `the server is currently unable to handle the request (get ${m.external.metric.name}.external.metrics.k8s.io)`;
        throw new MetricError(
          'FailedGetExternalMetric',
          `unable to get external metric ${hpa.metadata.namespace}/${m.external.metric.name}/nil: unable to fetch metrics from external metrics API: ${why}`,
        );
      }
      throw new MetricError(
        'FailedGetResourceMetric',
        `unable to get metrics for resource ${
          m.resource?.name ?? m.type
        }: no metrics returned from resource metrics API`,
      );
    } catch (e) {
      if (e instanceof MetricError)
        return { error: e.message, reason: e.reason };
      throw e;
    }
  }

  private fromTotal(
    type: 'Object',
    name: string,
    value: number,
    target: MetricTarget,
    currentReplicas: number,
    extra: Record<string, unknown>,
  ): Proposal {
    let replicas: number;
    let current: Record<string, string>;
    if (target.type === 'AverageValue') {
      const t = this.quantity(target.averageValue, name);
      const ratio = value / (t * currentReplicas);
      replicas =
        Math.abs(ratio - 1) <= TOLERANCE
          ? currentReplicas
          : Math.ceil(value / t);
      current = { averageValue: formatQuantity(value / currentReplicas) };
    } else {
      const ratio = value / this.quantity(target.value, name);
      replicas =
        Math.abs(ratio - 1) <= TOLERANCE
          ? currentReplicas
          : Math.ceil(ratio * currentReplicas);
      current = { value: formatQuantity(value) };
    }
    return {
      replicas,
      label: `${type.toLowerCase()} metric ${name}`,
      current: {
        type,
        object: { metric: { name }, ...extra, current },
      },
    };
  }

  private quantity(text: string | undefined, metric: string): number {
    const value = text === undefined ? NaN : quantityValue(text);
    if (!Number.isFinite(value) || value <= 0)
      throw new MetricError(
        'InvalidMetricSourceType',
        `invalid target for metric ${metric}: ${text ?? '<none>'}`,
      );
    return value;
  }

  /** Reads a pod metric through the custom-metrics adapter, as the HPA's REST client would. */
  private readPods(
    hpa: KubeObject,
    metric: string,
    selector: string | undefined,
    podName = '*',
  ): number[] {
    const reason =
      podName === '*' ? 'FailedGetPodsMetric' : 'FailedGetObjectMetric';
    const group = new ApiCatalog(this.store).group(CUSTOM_METRICS_GROUP);
    if (!group) {
      throw new MetricError(
        reason,
        `unable to get metric ${metric}: unable to fetch metrics from custom metrics API: no known available metric versions found`,
      );
    }
    if (group.aggregated && !group.aggregated.available) {
      throw new MetricError(
        reason,
        `unable to get metric ${metric}: unable to fetch metrics from custom metrics API: the server is currently unable to handle the request (get pods.${CUSTOM_METRICS_GROUP} ${podName})`,
      );
    }
    // the scale's selector is how the HPA picks its pods
    const values = podMetricValues(this.store, this.exposed, {
      namespace: hpa.metadata.namespace,
      name: podName,
      metric,
      labelSelector: selector,
    });
    if (!values.length) {
      throw new MetricError(
        reason,
        `unable to get metric ${metric}: unable to fetch metrics from custom metrics API: the server could not find the metric ${metric} for pods`,
      );
    }
    return values.map(v => v.value);
  }

  private fail(
    hpa: KubeObject,
    status: Record<string, any>,
    type: string,
    reason: string,
    message: string,
  ) {
    if (this.isNewFailure(status, type, reason))
      recordEvent(this.store, hpa, {
        type: 'Warning',
        reason,
        message,
        component: COMPONENT,
      });
    this.writeHpa(hpa, {
      ...status,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      conditions: withCondition(status.conditions, {
        type,
        status: 'False',
        reason,
        message,
      }),
    });
  }

  /** Whether a failure is not yet the condition's state (events are recorded once per failure). */
  private isNewFailure(
    status: Record<string, any>,
    type: string,
    reason: string,
  ): boolean {
    const old = (status.conditions ?? []).find(
      (c: { type: string }) => c.type === type,
    );
    return !(old?.status === 'False' && old.reason === reason);
  }

  /** Writes the status only when it changed (timestamps aside), as the controller does. */
  private writeHpa(hpa: KubeObject, status: Record<string, unknown>) {
    const strip = (s: unknown) =>
      JSON.stringify(s, (k, v) => (k === 'lastTransitionTime' ? undefined : v));
    if (strip(hpa.status ?? {}) === strip(status)) return;
    this.writeStatus('autoscaling', 'horizontalpodautoscalers', hpa, status);
  }
}
