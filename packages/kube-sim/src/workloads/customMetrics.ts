import type { ClusterStore } from '../store/ClusterStore';
import type { KubeObject } from '../types';
import { parseLabelSelector } from '../api/parseLabelSelector';
import { StatusError } from '../api/StatusError';
import { formatQuantity } from './quantity';
import { nowTimestamp } from './WorkloadController';

export const CUSTOM_METRICS_GROUP = 'custom.metrics.k8s.io';

/** A read of the custom metrics API (`/{resource}/{name}/{metric}`, `name` may be `*`). */
export interface CustomMetricQuery {
  version: string;
  namespace?: string;
  resource: string;
  name: string;
  metric: string;
  labelSelector?: string;
}

/** What the pods of a cluster expose, by pod (from the kubelet that runs them). */
export type ExposedMetrics = (
  pod: KubeObject,
) => Record<string, number> | undefined;

/**
 * The series name a pod's gauge `name` is read under. prometheus-adapter serves it as is; GKE's
 * custom-metrics-stackdriver-adapter as `custom.googleapis.com|<name>` (pushed by
 * sd_dummy_exporter) or `prometheus.googleapis.com|<name>|gauge` (scraped by Managed Prometheus).
 */
export function exposedName(metric: string): string {
  const stackdriver = /^custom\.googleapis\.com\|(.+)$/.exec(metric);
  if (stackdriver) return stackdriver[1];
  const prometheus = /^prometheus\.googleapis\.com\|(.+)\|gauge$/.exec(metric);
  if (prometheus) return prometheus[1];
  return metric;
}

function isRunning(pod: KubeObject): boolean {
  return (
    (pod.status as { phase?: string } | undefined)?.phase === 'Running' &&
    !pod.metadata.deletionTimestamp
  );
}

/** The value each selected running pod exposes for `metric` (pods without it are left out). */
export function podMetricValues(
  store: ClusterStore,
  exposed: ExposedMetrics,
  query: Omit<CustomMetricQuery, 'version' | 'resource'>,
): Array<{ pod: KubeObject; value: number }> {
  const labels = parseLabelSelector(query.labelSelector);
  const wanted = exposedName(query.metric);
  const out: Array<{ pod: KubeObject; value: number }> = [];
  for (const [, pod] of store.iterate('', 'pods')) {
    if (pod.metadata.namespace !== query.namespace) continue;
    if (query.name !== '*' && pod.metadata.name !== query.name) continue;
    if (!labels(pod.metadata.labels) || !isRunning(pod)) continue;
    const value = exposed(pod)?.[wanted];
    if (value !== undefined) out.push({ pod, value });
  }
  return out;
}

/**
 * What the scenario's custom-metrics adapter answers (the caller checked its APIService is
 * Available): a `MetricValueList` of the selected pods exposing the metric; a metric no selected
 * pod exposes is `404`, as prometheus-adapter answers, and so is any object other than pods.
 */
export function customMetricsAnswer(
  store: ClusterStore,
  exposed: ExposedMetrics,
  query: CustomMetricQuery,
): Record<string, unknown> {
  const missing = () =>
    new StatusError(
      404,
      `the server could not find the metric ${query.metric} for ${query.resource}`,
      'NotFound',
      { group: CUSTOM_METRICS_GROUP, kind: query.resource },
    );
  if (query.resource !== 'pods' || !query.namespace) throw missing();
  const values = podMetricValues(store, exposed, query);
  if (!values.length) throw missing();
  const timestamp = nowTimestamp();
  const v1beta1 = query.version === 'v1beta1';
  return {
    kind: 'MetricValueList',
    apiVersion: `${CUSTOM_METRICS_GROUP}/${query.version}`,
    metadata: {},
    items: values.map(({ pod, value }) => ({
      describedObject: {
        kind: 'Pod',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        apiVersion: '/v1',
      },
      ...(v1beta1
        ? { metricName: query.metric }
        : { metric: { name: query.metric } }),
      timestamp,
      windowSeconds: 60,
      value: formatQuantity(value),
    })),
  };
}
