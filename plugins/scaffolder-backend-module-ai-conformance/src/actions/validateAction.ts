import { KUEUE_ADDON } from '@ai-conformance/plugin-ai-conformance-common';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import {
  GkeClusterSpec,
  gkeClusterSpecSchema,
  parseGkeClusterSpec,
} from '../gke/gkeClusterSpec';
import { acceleratorLimits, planGkeCluster } from '../gke/planGkeCluster';

export const VALIDATE_ACTION_ID = 'ai-conformance:gke:validate';

/** Input of a cluster the examples and the template use. */
export const EXAMPLE_CLUSTER = {
  name: 'gke-ai-dev',
  owner: 'group:default/ai-platform',
  projectId: 'my-project',
  region: 'us-central1',
  mode: 'standard',
  releaseChannel: 'regular',
  checklistVersion: '1.34',
  gkeVersion: '1.34.0-gke.1662000',
  gatewayApi: true,
  dcgm: true,
  gpuPool: {
    accelerator: 'nvidia-l4',
    machineType: 'g2-standard-8',
    minNodes: 0,
    maxNodes: 4,
    spot: false,
  },
  kueueVersion: KUEUE_ADDON.version,
  operator: 'ray',
} as const;

const examples = [
  {
    description: 'Check an L4 pool on a Standard 1.34 cluster',
    example: stringify({
      steps: [
        {
          id: 'validate',
          action: VALIDATE_ACTION_ID,
          name: 'Validate the cluster',
          input: EXAMPLE_CLUSTER,
        },
      ],
    }),
  },
];

/**
 * `ai-conformance:gke:validate`: checks machine/accelerator/count/region
 * combinations, Standard mode (Autopilot is refused: DRA needs Standard node
 * pools), the Gateway API, DCGM with managed drivers and the version (any
 * checklist minor with a certified GKE version); explains the DRA pool, GKE
 * Sandbox pool and Inference Gateway options in `notes`.
 *
 * @public
 */
export function createValidateAction(): TemplateAction<
  GkeClusterSpec,
  { notes: string[]; gpusPerNode: number; maxAccelerators: number },
  'v2'
> {
  return createTemplateAction({
    id: VALIDATE_ACTION_ID,
    description:
      'Validates that a GKE cluster spec is AI-conformant and can be created',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => gkeClusterSpecSchema,
      output: {
        notes: z => z.array(z.string()).describe('Trade-offs and reminders'),
        gpusPerNode: z => z.number().describe('GPUs per node of the GPU pool'),
        maxAccelerators: z =>
          z.number().describe('Accelerators the autoscaler may add in total'),
      },
    },
    async handler(ctx) {
      const spec = parseGkeClusterSpec(ctx.input);
      const plan = planGkeCluster(spec);
      for (const note of plan.notes) ctx.logger.info(note);
      ctx.output('notes', plan.notes);
      ctx.output('gpusPerNode', plan.gpuPool.gpusPerNode);
      ctx.output(
        'maxAccelerators',
        [...acceleratorLimits(plan).values()].reduce((a, b) => a + b, 0),
      );
      ctx.logger.info(
        `${spec.name}: Standard cluster on ${spec.gkeVersion}, ${plan.gpuPool.machineType} × ${plan.gpuPool.gpusPerNode} ${plan.gpuPool.accelerator}, ${plan.gpuPool.minNodes}-${plan.gpuPool.maxNodes} nodes`,
      );
    },
  });
}
