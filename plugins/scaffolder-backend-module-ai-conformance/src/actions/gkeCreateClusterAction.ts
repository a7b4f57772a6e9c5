import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { ContainerApiFactory } from '../gke/containerApi';
import { createGkeCluster } from '../gke/createGkeCluster';
import {
  GkeClusterSpec,
  gkeClusterSpecSchema,
  parseGkeClusterSpec,
} from '../gke/gkeClusterSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { toGkeClusterRequest } from '../gke/toGkeClusterRequest';
import { EXAMPLE_CLUSTER } from './validateAction';

export const GKE_CREATE_CLUSTER_ACTION_ID = 'ai-conformance:gke:create-cluster';

const examples = [
  {
    description:
      'Create the validated cluster through the Container API and wait until it runs',
    example: stringify({
      steps: [
        {
          id: 'cluster',
          action: GKE_CREATE_CLUSTER_ACTION_ID,
          name: 'Create the GKE cluster',
          input: EXAMPLE_CLUSTER,
        },
      ],
    }),
  },
];

/** @public */
export type GkeCreateClusterOutput = {
  clusterName: string;
  apiServer: string;
  caData: string;
  version: string;
  location: string;
  reused: boolean;
};

/**
 * `ai-conformance:gke:create-cluster`: validates the spec exactly as
 * `ai-conformance:gke:validate` does (an uncertified version, Autopilot or an
 * impossible GPU pool never reaches the API), then creates the cluster with
 * `@google-cloud/container`'s `ClusterManagerClient` and follows the create
 * operation, logging its progress. Idempotent: a retry with the same spec
 * reuses the cluster, another spec under the same name is refused. The
 * backend's Google credentials come from config or Application Default
 * Credentials, never from the template.
 *
 * @public
 */
export function createGkeCreateClusterAction(options: {
  /** Creates the Container API client (one per task). */
  containerApi: ContainerApiFactory;
  pollIntervalMs?: number;
  timeoutMs?: number;
}): TemplateAction<GkeClusterSpec, GkeCreateClusterOutput, 'v2'> {
  return createTemplateAction({
    id: GKE_CREATE_CLUSTER_ACTION_ID,
    description:
      'Creates an AI-conformant GKE Standard cluster through the Container API (Gateway API, Managed Prometheus and DCGM, the GPU pool with autoscaling) and waits until it runs; reuses it on retry',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => gkeClusterSpecSchema,
      output: {
        clusterName: z => z.string().describe('GKE cluster name'),
        apiServer: z =>
          z.string().describe('API server URL, https://<endpoint>'),
        caData: z =>
          z.string().describe("Base64 PEM of the cluster's CA certificate"),
        version: z => z.string().describe('Current control-plane version'),
        location: z => z.string().describe('Region of the cluster'),
        reused: z =>
          z.boolean().describe('True when an earlier run created the cluster'),
      },
    },
    async handler(ctx) {
      const spec = parseGkeClusterSpec(ctx.input);
      // Validation first: nothing invalid reaches the Container API.
      const plan = planGkeCluster(spec);
      for (const note of plan.notes) ctx.logger.info(note);
      if (spec.inferenceGateway?.enabled) {
        ctx.logger.warn(
          'The Inference Gateway needs a proxy-only subnet and the Inference Extension CRDs, which the Container API does not create; run the kubectl and gcloud steps of the repository delivery (scripts/create-cluster.sh) after the cluster is up',
        );
      }
      if (ctx.isDryRun) {
        const request = toGkeClusterRequest(plan);
        ctx.logger.info(
          `Dry run: would create ${spec.name} in projects/${
            spec.projectId
          }/locations/${spec.region} with ${
            (request.nodePools as unknown[]).length
          } node pools`,
        );
        ctx.output('clusterName', spec.name);
        ctx.output('apiServer', `https://dry-run.invalid/${spec.name}`);
        ctx.output('caData', '');
        ctx.output('version', spec.gkeVersion);
        ctx.output('location', spec.region);
        ctx.output('reused', false);
        return;
      }
      const api = await options.containerApi();
      try {
        const { cluster, reused } = await createGkeCluster({
          client: api.client,
          plan,
          log: message => ctx.logger.info(message),
          pollIntervalMs: options.pollIntervalMs ?? 5000,
          timeoutMs: options.timeoutMs ?? 45 * 60_000,
          signal: ctx.signal,
        });
        ctx.output('clusterName', spec.name);
        ctx.output('apiServer', `https://${cluster.endpoint}`);
        ctx.output('caData', cluster.masterAuth?.clusterCaCertificate ?? '');
        ctx.output('version', cluster.currentMasterVersion || spec.gkeVersion);
        ctx.output('location', cluster.location || spec.region);
        ctx.output('reused', reused);
      } finally {
        await api.client.close().catch(() => undefined);
      }
    },
  });
}
