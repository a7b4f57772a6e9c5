/**
 * Products the engine knows by name for gang scheduling and workload
 * monitoring, and the shape (resource kinds) that recognises any other.
 * A known name only names the product and links its controller; the grade
 * comes from what the API shows (lib/capabilities).
 */
import type { KnownComponent } from './capabilities';

export const GANG_SCHEDULERS: KnownComponent[] = [
  {
    name: 'Kueue',
    groups: ['kueue.x-k8s.io'],
    controller: /^kueue-controller-manager$/,
  },
  {
    name: 'Volcano',
    groups: ['scheduling.volcano.sh'],
    controller: /^volcano-scheduler$/,
  },
  {
    name: 'KAI Scheduler',
    groups: ['scheduling.run.ai'],
    controller: /^kai-scheduler(-default)?$|^scheduler$/,
  },
  {
    name: 'scheduler-plugins coscheduling',
    groups: ['scheduling.x-k8s.io', 'scheduling.sigs.k8s.io'],
    controller: /(^|-)scheduler-plugins-(scheduler|controller)$/,
  },
  {
    name: 'Apache YuniKorn',
    groups: [],
    controller: /^yunikorn-scheduler$/,
  },
];

/** Kinds a gang scheduler serves: pod groups or admission queues. */
export const GANG_KINDS = [
  'PodGroup',
  'podgroups',
  'ClusterQueue',
  'clusterqueues',
  'LocalQueue',
  'localqueues',
];

export const METRICS_SYSTEMS: KnownComponent[] = [
  {
    name: 'Google Cloud Managed Service for Prometheus',
    groups: ['monitoring.googleapis.com'],
    controller: /^gmp-operator$/,
  },
  {
    name: 'Azure Monitor managed service for Prometheus',
    groups: ['azmonitoring.coreos.com'],
    controller: /^ama-metrics/,
  },
  {
    name: 'Prometheus Operator',
    groups: ['monitoring.coreos.com'],
    controller: /prometheus-operator$/,
  },
  {
    name: 'VictoriaMetrics Operator',
    groups: ['operator.victoriametrics.com'],
    controller: /victoria-metrics-operator|^vm-operator/,
  },
  {
    name: 'OpenTelemetry Operator',
    groups: ['opentelemetry.io'],
    controller: /opentelemetry-operator/,
  },
  {
    name: 'Datadog Agent',
    groups: ['datadoghq.com'],
    controller: /^datadog(-operator|-agent|-cluster-agent)?$/,
  },
  {
    name: 'Dynatrace Operator',
    groups: ['dynatrace.com'],
    controller: /^dynatrace-operator$|oneagent/,
  },
  {
    name: 'Grafana Alloy',
    groups: [],
    controller: /^(grafana-)?alloy$/,
  },
];

/** Kinds of monitoring resources that discover and scrape workloads. */
export const MONITORING_KINDS = [
  'ServiceMonitor',
  'servicemonitors',
  'PodMonitor',
  'podmonitors',
  'PodMonitoring',
  'podmonitorings',
  'ClusterPodMonitoring',
  'clusterpodmonitorings',
  'ScrapeConfig',
  'scrapeconfigs',
  'VMServiceScrape',
  'vmservicescrapes',
  'VMPodScrape',
  'vmpodscrapes',
  'OpenTelemetryCollector',
  'opentelemetrycollectors',
];
