/**
 * AI operators robust_controller knows by name. Knowing one only names the
 * product, adds its controller name as a link and offers a dry-run probe;
 * any other CRD group with a webhook and a controller is found by shape.
 */
import type { KnownComponent } from './capabilities';

export interface Operator extends KnownComponent {
  /** A dry-run probe object is defined for this group (probes/probeDefinitions). */
  probe?: boolean;
}

export const AI_OPERATORS: Operator[] = [
  {
    name: 'KubeRay',
    groups: ['ray.io'],
    controller: /kuberay-operator|^ray-operator/,
    probe: true,
  },
  {
    name: 'Kubeflow Trainer',
    groups: ['trainer.kubeflow.org'],
    controller: /trainer-controller-manager/,
    probe: true,
  },
  {
    name: 'Kubeflow Training Operator',
    groups: ['kubeflow.org'],
    controller: /^training-operator/,
    probe: true,
  },
  {
    name: 'KServe',
    groups: ['serving.kserve.io'],
    controller: /^kserve-controller-manager/,
    probe: true,
  },
  {
    name: 'LeaderWorkerSet',
    groups: ['leaderworkerset.x-k8s.io'],
    controller: /^lws-controller-manager/,
    probe: true,
  },
  {
    name: 'JobSet',
    groups: ['jobset.x-k8s.io'],
    controller: /^jobset-controller-manager/,
    probe: true,
  },
  {
    name: 'KAITO',
    groups: ['kaito.sh'],
    controller: /^kaito-(workspace|controller|ragengine)/,
  },
  {
    name: 'Volcano',
    groups: ['batch.volcano.sh'],
    controller: /^volcano-(controllers|controller-manager|admission)/,
  },
];

/**
 * API groups of platform infrastructure operators (certificates, policy,
 * networking, monitoring, autoscaling, storage): they have webhooks and
 * controllers too, but are not AI operators, so the shape rule skips them.
 */
const NOT_AI_GROUP =
  /(^|\.)(cert-manager\.io|keda\.sh|coreos\.com|googleapis\.com|gatekeeper\.sh|kyverno\.io|cilium\.io|projectcalico\.org|tigera\.io|istio\.io|linkerd\.io|karpenter\.[a-z.]+|karpenter\.sh|velero\.io|external-secrets\.io|snapshot\.storage\.k8s\.io|gateway\.networking\.k8s\.io|inference\.networking\.(x-)?k8s\.io|victoriametrics\.com|opentelemetry\.io|monitoring\.[a-z.]+|cluster\.x-k8s\.io|openshift\.io|gke\.io|amazonaws\.com|azure\.com|nfd\.k8s-sigs\.io)$/;

export function isInfrastructureGroup(group: string): boolean {
  if (NOT_AI_GROUP.test(group)) return true;
  return group.endsWith('.k8s.io') && !group.endsWith('.x-k8s.io');
}

export const probeId = (group: string) => `robust_controller:${group}`;
