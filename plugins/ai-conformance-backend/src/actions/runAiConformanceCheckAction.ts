import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { BasicPermission } from '@backstage/plugin-permission-common';
import {
  aiConformanceRunCreatePermission,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterApiService } from '../service/ClusterApiService';
import type { RunManager } from '../service/RunManager';
import { toRunStatus } from '../service/RunManager';
import { parseClusterRef } from './clusterRef';
import {
  checklistVersionSchema,
  clusterInputSchema,
  runSchema,
  toRunOutput,
} from './schemas';

/** The longest an agent may wait for a run in one call. */
export const MAX_WAIT_SECONDS = 120;

/**
 * `run-ai-conformance-check`: starts a check run of a cluster, or joins the
 * one already queued or running, under `ai-conformance.run.create` for the
 * cluster (the action is not listed to callers the policy denies it).
 * Optionally waits, at most {@link MAX_WAIT_SECONDS}, for the run to finish.
 */
export function registerRunAiConformanceCheckAction(
  registry: ActionsRegistryService,
  deps: { api: ClusterApiService; runs: RunManager },
): void {
  registry.register({
    name: 'run-ai-conformance-check',
    title: 'Run the AI Conformance checks of a cluster',
    description: [
      'Starts an AI Conformance check run of one cluster (read-only Kubernetes API reads, no probes), or returns the run',
      'already queued or running for it. With waitSeconds (at most 120) it waits for the run to finish and returns its',
      'status and verdict; otherwise it returns at once. Use get-cluster-ai-conformance afterwards for the details.',
    ].join(' '),
    // Writes a run record; never changes the cluster. A second call while
    // a run is active returns that run, so repeating it is harmless.
    attributes: { readOnly: false, destructive: false, idempotent: false },
    // The registry asks about this permission without a resource ref, so the
    // action is listed to callers the policy allows `run.create` outright
    // (a cluster-scoped grant still works through the invoke, which asks
    // per cluster). Same permission object: the registry re-adds it by name.
    visibilityPermission:
      aiConformanceRunCreatePermission as unknown as BasicPermission,
    schema: {
      input: z =>
        z.object({
          cluster: clusterInputSchema(z),
          checklistVersion: checklistVersionSchema(
            z,
            "default: the cluster's minor",
          ),
          waitSeconds: z
            .number()
            .int()
            .min(0)
            .max(MAX_WAIT_SECONDS)
            .default(0)
            .describe(
              'How long to wait for the run to finish (0: return at once)',
            ),
        }),
      output: z =>
        z.object({
          created: z
            .boolean()
            .describe('false when an active run of the cluster was returned'),
          finished: z.boolean(),
          run: runSchema(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const { namespace, name } = parseClusterRef(input.cluster);
      const { created, run } = await deps.api.createRun(
        namespace,
        name,
        { requirementsVersion: input.checklistVersion },
        credentials,
      );
      let latest: RunRecord = run;
      if (input.waitSeconds > 0 && !isFinished(run)) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          deps.runs.waitForRun(run.runId),
          new Promise<void>(resolve => {
            timer = setTimeout(resolve, input.waitSeconds * 1000);
          }),
        ]);
        clearTimeout(timer);
        // A caller who may start runs but not read reports gets the status only.
        latest = await deps.api
          .getRun(run.runId, credentials)
          .catch(async error => {
            if ((error as Error).name !== 'NotAllowedError') throw error;
            return toRunStatus((await deps.runs.getRun(run.runId)) ?? run);
          });
      }
      return {
        output: {
          created,
          finished: isFinished(latest),
          run: toRunOutput(latest),
        },
      };
    },
  });
}

function isFinished(run: RunRecord): boolean {
  return run.status === 'succeeded' || run.status === 'failed';
}
