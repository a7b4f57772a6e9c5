import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type {
  Remediation,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterApiService } from '../service/ClusterApiService';
import { parseClusterRef } from './clusterRef';
import {
  VERDICTS,
  checklistVersionSchema,
  clusterInputSchema,
  requirementOutcomeSchema,
  toRequirementOutcome,
} from './schemas';

/** Steps for the cluster's platform and generic ones (all when none match). */
function forPlatform(steps: Remediation[], platform: string): Remediation[] {
  const matching = steps.filter(
    s => !s.platform || s.platform === 'any' || s.platform === platform,
  );
  return matching.length > 0 ? matching : steps;
}

/**
 * `get-cluster-ai-conformance`: the latest verdict and level of one cluster
 * with what fails or could not be established, and how to fix it. Read
 * with the caller's credentials: a cluster the caller cannot see in the
 * catalog, or whose reports the caller may not read, is refused.
 */
export function registerGetClusterAiConformanceAction(
  registry: ActionsRegistryService,
  deps: { api: ClusterApiService },
): void {
  registry.register({
    name: 'get-cluster-ai-conformance',
    title: 'Get the AI Conformance of a cluster',
    description: [
      'Returns the latest CNCF Kubernetes AI Conformance result of one cluster (a Resource entity of type kubernetes-cluster):',
      'verdict (conformant, not-conformant, incomplete; null when never checked), scorecard level (none, bronze, silver, gold),',
      'the checklist version, the requirements that fail, are partial or unknown with a one-sentence summary and remediation steps,',
      'and the time of the last run. Give the entity ref (resource:default/NAME) or the name.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          cluster: clusterInputSchema(z),
          checklistVersion: checklistVersionSchema(
            z,
            'default: the latest report of any version',
          ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          verdict: z.enum(VERDICTS).nullable(),
          level: z.enum(['none', 'bronze', 'silver', 'gold']).nullable(),
          levelMissing: z
            .array(z.string())
            .describe('What the next level needs (empty at gold)'),
          checklistVersion: z.string().nullable(),
          platform: z.string().nullable(),
          kubernetesVersion: z.string().nullable(),
          checkedAt: z
            .string()
            .nullable()
            .describe('When the reported run collected its evidence'),
          lastRun: z
            .object({
              runId: z.string(),
              status: z.string(),
              createdAt: z.string(),
              finishedAt: z.string().optional(),
            })
            .nullable()
            .describe('The most recent run, finished or not'),
          failing: z.array(requirementOutcomeSchema(z)),
          partial: z.array(requirementOutcomeSchema(z)),
          unknown: z.array(requirementOutcomeSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const { namespace, name } = parseClusterRef(input.cluster);
      const detail = await deps.api.getCluster(namespace, name, credentials, {
        version: input.checklistVersion,
      });
      const report = detail.report;
      const platform = report?.cluster.platform ?? 'generic';
      const outcomes = (status: string) =>
        (report?.requirements ?? [])
          .filter((r: RequirementResult) => r.status === status)
          .map(r =>
            toRequirementOutcome({
              ...r,
              remediation: forPlatform(r.remediation, platform),
            }),
          );
      const lastRun = detail.lastRun;
      return {
        output: {
          entityRef: detail.entityRef,
          verdict: report?.verdict ?? null,
          level: detail.level?.level ?? null,
          levelMissing: detail.level?.missing ?? [],
          checklistVersion: report?.requirementsVersion ?? null,
          platform: report?.cluster.platform ?? null,
          kubernetesVersion: report?.cluster.kubernetesVersion ?? null,
          checkedAt: report?.generatedAt ?? null,
          lastRun: lastRun
            ? {
                runId: lastRun.runId,
                status: lastRun.status,
                createdAt: lastRun.createdAt,
                ...(lastRun.finishedAt
                  ? { finishedAt: lastRun.finishedAt }
                  : {}),
              }
            : null,
          failing: outcomes('fail'),
          partial: outcomes('partial'),
          unknown: outcomes('unknown'),
        },
      };
    },
  });
}
