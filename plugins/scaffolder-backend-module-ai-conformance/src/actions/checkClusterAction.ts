import type { PermissionsService } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  aiConformanceRunCreatePermission,
  type RequirementResult,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { AiConformanceService } from '@ai-conformance/plugin-ai-conformance-node';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const CHECK_ACTION_ID = 'ai-conformance:check';

const examples = [
  {
    description: 'Check a registered cluster and fail when a MUST is not met',
    example: stringify({
      steps: [
        {
          id: 'check',
          action: CHECK_ACTION_ID,
          name: 'Check AI conformance',
          input: { entityRef: 'resource:default/gke-ai-dev' },
        },
      ],
    }),
  },
];

function isFinished(run: RunRecord | undefined): boolean {
  return run?.status === 'succeeded' || run?.status === 'failed';
}

/** Waits for a run to finish: the finished-run event, or a read every poll. */
async function waitForRun(
  service: AiConformanceService,
  run: RunRecord,
  options: { timeoutMs: number; pollIntervalMs: number; signal?: AbortSignal },
): Promise<RunRecord> {
  if (isFinished(run)) return run;
  let finished: RunRecord | undefined;
  const unsubscribe = service.onRunFinished(event => {
    if (event.run.runId === run.runId) finished = event.run;
  });
  try {
    const deadline = Date.now() + options.timeoutMs;
    while (!finished) {
      const latest = await service.getRun(run.runId);
      if (latest && isFinished(latest)) return latest;
      if (options.signal?.aborted) throw new Error('The task was cancelled');
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `The AI Conformance run ${run.runId} of ${
            run.entityRef
          } did not finish within ${Math.round(
            options.timeoutMs / 1000,
          )}s; its result will show on the entity's AI Conformance tab`,
        );
      }
      await new Promise(r => setTimeout(r, options.pollIntervalMs));
    }
    return (await service.getRun(run.runId)) ?? finished;
  } finally {
    unsubscribe();
  }
}

const ENTITY_REF =
  /^(?:([A-Za-z][\w-]*):)?(?:([a-z0-9][-a-z0-9.]*)\/)?([A-Za-z0-9][-\w.]*)$/;

/** `resource:default/name` from a full or short ref (kind resource, namespace default). */
export function normalizeEntityRef(ref: string): string {
  const match = ENTITY_REF.exec(ref.trim());
  if (!match) {
    throw new InputError(
      `Invalid entityRef "${ref}"; expected resource:<namespace>/<name>`,
    );
  }
  const [, kind = 'resource', namespace = 'default', name] = match;
  return `${kind.toLowerCase()}:${namespace}/${name}`;
}

function ids(requirements: RequirementResult[]): string {
  return requirements.map(r => r.id).join(', ');
}

/**
 * `ai-conformance:check`: runs the AI Conformance checks of a catalog
 * cluster through the AI Conformance backend (`aiConformanceServiceRef`)
 * when the task's user holds `ai-conformance.run.create` for it, waits for
 * the verdict and fails the task when a MUST requirement fails or
 * is unproven, naming them. The run is stored as any other: the entity's AI
 * Conformance tab shows it either way.
 *
 * @public
 */
export function createCheckClusterAction(options: {
  service: AiConformanceService;
  permissions: PermissionsService;
  timeoutMs?: number;
  pollIntervalMs?: number;
}): TemplateAction<
  { entityRef: string },
  { runId: string; verdict: string; failingMusts: string[] },
  'v2'
> {
  return createTemplateAction({
    id: CHECK_ACTION_ID,
    description:
      'Runs the AI Conformance checks of a catalog cluster, waits for the verdict and fails when a MUST requirement is not met',
    examples,
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .describe('The cluster entity, e.g. resource:default/gke-ai-dev'),
      },
      output: {
        runId: z => z.string(),
        verdict: z =>
          z.string().describe('conformant, not-conformant or incomplete'),
        failingMusts: z =>
          z.array(z.string()).describe('MUST requirements that failed'),
      },
    },
    async handler(ctx) {
      const entityRef = normalizeEntityRef(ctx.input.entityRef);
      const credentials = await ctx.getInitiatorCredentials();
      // The service acts as the backend: the user's permission is asked here.
      const [decision] = await options.permissions.authorize(
        [
          {
            permission: aiConformanceRunCreatePermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      if (decision.result !== ('ALLOW' as typeof decision.result)) {
        throw new NotAllowedError(
          `Not allowed: ${aiConformanceRunCreatePermission.name} on ${entityRef}`,
        );
      }
      const { run, created } = await options.service.requestRun(entityRef, {
        credentials,
      });
      ctx.logger.info(
        `${created ? 'Started' : 'Joined'} AI Conformance run ${
          run.runId
        } of ${entityRef}`,
      );
      const done = await waitForRun(options.service, run, {
        timeoutMs: options.timeoutMs ?? 10 * 60_000,
        pollIntervalMs: options.pollIntervalMs ?? 2000,
        signal: ctx.signal,
      });
      ctx.output('runId', done.runId);
      if (done.status === 'failed') {
        throw new ServiceUnavailableError(
          `The AI Conformance run of ${entityRef} failed: ${
            done.error ?? 'no reason recorded'
          }`,
        );
      }
      const report = done.report;
      const musts = (report?.requirements ?? []).filter(
        r => r.level === 'MUST',
      );
      const failing = musts.filter(r => r.status === 'fail');
      const unproven = musts.filter(
        r => r.status === 'unknown' || r.status === 'partial',
      );
      const verdict = done.verdict ?? report?.verdict ?? 'incomplete';
      ctx.output('verdict', verdict);
      ctx.output(
        'failingMusts',
        failing.map(r => r.id),
      );
      const passed = musts.filter(
        r => r.status === 'pass' || r.status === 'not-applicable',
      ).length;
      ctx.logger.info(
        `Verdict: ${verdict} (${passed} of ${
          musts.length
        } MUST requirements met, checklist ${
          report?.requirementsVersion ?? 'unknown'
        })`,
      );
      for (const r of [...failing, ...unproven]) {
        ctx.logger.warn(`${r.id} (${r.status}): ${r.summary}`);
      }
      if (verdict === 'conformant') return;
      const parts = [
        failing.length ? `failing MUSTs: ${ids(failing)}` : '',
        unproven.length ? `unproven MUSTs: ${ids(unproven)}` : '',
      ].filter(Boolean);
      throw new InputError(
        `${entityRef} is ${verdict}${
          parts.length ? ` (${parts.join('; ')})` : ''
        }; its AI Conformance tab shows the evidence and the remediation of each`,
      );
    },
  });
}
