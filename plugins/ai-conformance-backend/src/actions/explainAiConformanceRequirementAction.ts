import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  getChecklist,
  getChecklistVersions,
  type Platform,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ReadSpec } from '@ai-conformance/plugin-ai-conformance-node';
import {
  allChecks,
  remediationFor,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  checklistVersionSchema,
  remediationSchema,
  toRemediation,
} from './schemas';

/** "list resource.k8s.io deviceclasses", "get core/v1 namespaces kube-system". */
function describeRead(read: ReadSpec): string {
  const version = read.version === '*' ? '' : `/${read.version}`;
  const gv = read.group ? `${read.group}${version}` : `core${version}`;
  const verb = read.name ? 'get' : 'list';
  const what = read.name ? `${read.resource} ${read.name}` : read.resource;
  const where = read.namespace ? ` in namespace ${read.namespace}` : '';
  const selector = read.labelSelector ? ` (${read.labelSelector})` : '';
  return `${verb} ${gv} ${what}${where}${selector}`;
}

/**
 * `explain-ai-conformance-requirement`: what a requirement asks for, its
 * level in every checklist version, what the engine reads as evidence and
 * how to fix it on a platform. Reads only the built-in catalog.
 */
export function registerExplainAiConformanceRequirementAction(
  registry: ActionsRegistryService,
): void {
  registry.register({
    name: 'explain-ai-conformance-requirement',
    title: 'Explain an AI Conformance requirement',
    description: [
      'Explains one requirement of the CNCF Kubernetes AI Conformance checklist (e.g. dra_support, gang_scheduling, ai_inference):',
      'its text, its level (MUST or SHOULD) in each checklist version, what evidence counts (the Kubernetes API reads the checks make',
      'and the official tests mapped to it), and remediation steps, the given platform (gke, eks, aks...) first.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          id: z
            .string()
            .min(1)
            .max(100)
            .describe('Requirement id, e.g. gang_scheduling'),
          checklistVersion: checklistVersionSchema(z, 'default: the latest'),
          platform: z
            .string()
            .max(40)
            .optional()
            .describe('Platform whose remediation comes first, e.g. gke'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          category: z.string(),
          checklistVersion: z.string(),
          level: z
            .enum(['MUST', 'SHOULD'])
            .nullable()
            .describe('Level in checklistVersion; null when absent there'),
          levels: z
            .record(z.enum(['MUST', 'SHOULD']))
            .describe('Level per checklist version the requirement is in'),
          description: z.string(),
          officialDescription: z.string().optional(),
          conditional: z.boolean(),
          condition: z.string().optional(),
          evidence: z.object({
            reads: z
              .array(z.string())
              .describe('Kubernetes API reads the check makes'),
            officialTests: z
              .array(z.string())
              .describe('Official conformance tests mapped to it'),
            statuses: z
              .string()
              .describe('How the check turns what it reads into a status'),
          }),
          remediation: z.array(remediationSchema(z)),
          links: z.array(z.object({ title: z.string(), url: z.string() })),
        }),
    },
    action: async ({ input }) => {
      const versions = getChecklistVersions();
      const checklistVersion = getChecklist(
        input.checklistVersion ?? versions[versions.length - 1],
      ).version;
      const levels: Record<string, 'MUST' | 'SHOULD'> = {};
      let found;
      for (const version of versions) {
        const req = getChecklist(version).requirements.find(
          r => r.id === input.id,
        );
        if (!req) continue;
        levels[version] = req.level;
        if (version === checklistVersion || !found) found = req;
      }
      if (!found) {
        const known = getChecklist(checklistVersion).requirements.map(
          r => r.id,
        );
        throw new InputError(
          `Unknown AI Conformance requirement "${
            input.id
          }"; known: ${known.join(', ')}`,
        );
      }
      const check = allChecks.find(c => c.id === input.id);
      const platform = (input.platform?.trim().toLocaleLowerCase('en-US') ??
        'generic') as Platform;
      return {
        output: {
          id: found.id,
          title: found.title,
          category: found.category,
          checklistVersion,
          level: levels[checklistVersion] ?? null,
          levels,
          description: found.description,
          ...(found.officialDescription
            ? { officialDescription: found.officialDescription }
            : {}),
          conditional: found.conditional,
          ...(found.condition ? { condition: found.condition } : {}),
          evidence: {
            reads: check ? check.reads.map(describeRead) : [],
            officialTests: found.officialTests,
            statuses:
              'pass: the reads show the capability; fail: positive evidence that it is missing or broken; ' +
              'partial: some of the required evidence; unknown: a read was refused, timed out or was malformed, ' +
              'so the check could not tell; not-applicable: a conditional requirement whose condition does not hold.',
          },
          remediation: remediationFor(found.id, platform).map(toRemediation),
          links: found.links.map(l => ({ title: l.title, url: l.url })),
        },
      };
    },
  });
}
