import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import type {
  Remediation,
  RequirementResult,
  RunRecord,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

/** The zod the actions registry hands to schema functions. */
type Z = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** Verdicts of a stored run. */
export const VERDICTS = [
  'conformant',
  'not-conformant',
  'incomplete',
] as const satisfies readonly Verdict[];

/** The cluster an action is about: entity ref or name. */
export const clusterInputSchema = (z: Z) =>
  z
    .string()
    .min(1)
    .max(300)
    .describe(
      'Cluster entity ref (resource:default/gke-ai-prod) or name (gke-ai-prod)',
    );

/** A checklist version, e.g. 1.35 (validated against the catalog later). */
export const checklistVersionSchema = (z: Z, meaning: string) =>
  z.string().max(20).optional().describe(`Checklist version; ${meaning}`);

/** A remediation step as the actions return it. */
export const remediationSchema = (z: Z) =>
  z.object({
    description: z.string(),
    platform: z.string().optional(),
    command: z.string().optional(),
    terraform: z.string().optional(),
    url: z.string().optional(),
  });

/** One requirement result that is not a pass, with what to do about it. */
export const requirementOutcomeSchema = (z: Z) =>
  z.object({
    id: z.string(),
    title: z.string(),
    level: z.enum(['MUST', 'SHOULD']),
    status: z.string(),
    summary: z.string(),
    remediation: z.array(remediationSchema(z)),
  });

/** A run without its report. */
export const runSchema = (z: Z) =>
  z.object({
    runId: z.string(),
    entityRef: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    trigger: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    verdict: z.enum(VERDICTS).optional(),
    requirementsVersion: z.string().optional(),
    error: z.string().optional(),
  });

/** The remediation fields the actions return (nothing else of the step). */
export function toRemediation(step: Remediation) {
  const { description, platform, command, terraform, url } = step;
  return {
    description,
    ...(platform ? { platform } : {}),
    ...(command ? { command } : {}),
    ...(terraform ? { terraform } : {}),
    ...(url ? { url } : {}),
  };
}

/** A requirement result as {@link requirementOutcomeSchema}. */
export function toRequirementOutcome(result: RequirementResult) {
  return {
    id: result.id,
    title: result.title,
    level: result.level,
    status: result.status,
    summary: result.summary,
    remediation: result.remediation.map(toRemediation),
  };
}

/** A run as {@link runSchema} (no report, no counts, no progress). */
export function toRunOutput(run: RunRecord) {
  return {
    runId: run.runId,
    entityRef: run.entityRef,
    status: run.status,
    trigger: run.trigger,
    createdAt: run.createdAt,
    ...(run.startedAt ? { startedAt: run.startedAt } : {}),
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(run.verdict ? { verdict: run.verdict } : {}),
    ...(run.requirementsVersion
      ? { requirementsVersion: run.requirementsVersion }
      : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}
