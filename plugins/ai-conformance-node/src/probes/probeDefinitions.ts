/**
 * Dry-run probes the engine knows: for each AI operator recognised by
 * robust_controller, an object its validating webhook should reject, sent
 * as a server-side `dryRun=All` create (nothing is stored). Each object
 * breaks a rule the operator's webhook enforces. Where the CRD schema
 * enforces the same rule, the API server rejects the object before the
 * webhook; the runner reports that as inconclusive, never as accepted.
 *
 * @public
 */

export interface ProbeDefinition {
  id: string;
  group: string;
  resource: string;
  kind: string;
  /** Namespace the dry-run create targets. */
  namespace: string;
  /** The invalid object for the given API version. */
  build(version: string): Record<string, unknown>;
}

/**
 * Name of every probe object.
 *
 * @public
 */
export const PROBE_OBJECT_NAME = 'ai-conformance-probe';

const container = { name: 'main', image: 'registry.k8s.io/pause:3.10' };

const podTemplate = {
  spec: { containers: [container], restartPolicy: 'Never' },
};

function definition(
  group: string,
  resource: string,
  kind: string,
  spec: Record<string, unknown>,
): ProbeDefinition {
  return {
    id: `robust_controller:${group}`,
    group,
    resource,
    kind,
    namespace: 'default',
    build: version => ({
      apiVersion: `${group}/${version}`,
      kind,
      metadata: {
        name: PROBE_OBJECT_NAME,
        namespace: 'default',
        labels: { 'app.kubernetes.io/managed-by': 'ai-conformance' },
      },
      spec,
    }),
  };
}

/** @public */
export const PROBE_DEFINITIONS: readonly ProbeDefinition[] = [
  // KubeRay: a RayCluster needs a head group.
  definition('ray.io', 'rayclusters', 'RayCluster', {
    rayVersion: '2.9.0',
    workerGroupSpecs: [],
  }),
  // Kubeflow Trainer: the referenced runtime does not exist.
  definition('trainer.kubeflow.org', 'trainjobs', 'TrainJob', {
    runtimeRef: {
      name: 'ai-conformance-probe-missing-runtime',
      kind: 'ClusterTrainingRuntime',
      apiGroup: 'trainer.kubeflow.org',
    },
  }),
  // Kubeflow Training Operator: a PyTorchJob needs a container named "pytorch".
  definition('kubeflow.org', 'pytorchjobs', 'PyTorchJob', {
    pytorchReplicaSpecs: {
      Master: { replicas: 1, restartPolicy: 'Never', template: podTemplate },
    },
  }),
  // KServe: an InferenceService needs a predictor.
  definition('serving.kserve.io', 'inferenceservices', 'InferenceService', {}),
  // LeaderWorkerSet: a group size below one is invalid.
  definition(
    'leaderworkerset.x-k8s.io',
    'leaderworkersets',
    'LeaderWorkerSet',
    {
      replicas: 1,
      leaderWorkerTemplate: { size: 0, workerTemplate: podTemplate },
    },
  ),
  // JobSet: replicated job names must be valid DNS labels.
  definition('jobset.x-k8s.io', 'jobsets', 'JobSet', {
    replicatedJobs: [
      {
        name: 'Invalid_Name',
        replicas: 1,
        template: { spec: { template: podTemplate } },
      },
    ],
  }),
];

/** @public */
export function getProbeDefinition(id: string): ProbeDefinition | undefined {
  return PROBE_DEFINITIONS.find(p => p.id === id);
}
