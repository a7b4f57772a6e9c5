import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { ClusterApiService } from '../service/ClusterApiService';
import { VERDICTS } from './schemas';

/** Page size bounds of `list-clusters-ai-conformance`. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** `group:default/team-a` for `team-a`, `group:team-a` or the full ref. */
function normalizeOwner(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(`Invalid owner "${owner}"`);
  }
}

async function ownersOf(
  catalog: CatalogService,
  entityRefs: string[],
  credentials: BackstageCredentials,
): Promise<Map<string, string | null>> {
  if (entityRefs.length === 0) return new Map();
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs,
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.owner'],
    },
    { credentials },
  );
  return new Map(
    entityRefs.map((ref, i) => {
      const owner = items[i]?.spec?.owner;
      return [
        ref,
        typeof owner === 'string' && owner ? normalizeOwner(owner) : null,
      ];
    }),
  );
}

/**
 * `list-clusters-ai-conformance`: the clusters whose reports the caller may
 * read, with their latest verdict and level, filtered and paginated.
 */
export function registerListClustersAiConformanceAction(
  registry: ActionsRegistryService,
  deps: { api: ClusterApiService; catalog: CatalogService },
): void {
  registry.register({
    name: 'list-clusters-ai-conformance',
    title: 'List clusters by AI Conformance',
    description: [
      'Lists the Kubernetes clusters in the catalog whose AI Conformance reports you may read, with their latest verdict,',
      'scorecard level, platform, owner, checklist version and failing requirement ids.',
      'Filter by verdict (conformant, not-conformant, incomplete, or unchecked for never checked), level, platform (gke, eks, aks...),',
      'owner (group ref or name) and a requirement id that fails. Sorted by entity ref; page with offset and limit.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          verdict: z.enum([...VERDICTS, 'unchecked']).optional(),
          level: z.enum(['none', 'bronze', 'silver', 'gold']).optional(),
          platform: z
            .string()
            .max(40)
            .optional()
            .describe('Detected platform, e.g. gke, eks, aks, generic'),
          owner: z
            .string()
            .max(300)
            .optional()
            .describe(
              'Owner entity ref (group:default/ai-platform) or group name',
            ),
          failingRequirement: z
            .string()
            .max(100)
            .optional()
            .describe('A requirement id that fails, e.g. gang_scheduling'),
          offset: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z.string(),
              owner: z.string().nullable(),
              verdict: z.enum(VERDICTS).nullable(),
              level: z.enum(['none', 'bronze', 'silver', 'gold']).nullable(),
              platform: z.string().nullable(),
              checklistVersion: z.string().nullable(),
              kubernetesVersion: z.string().nullable(),
              mustPassed: z.number(),
              mustTotal: z.number(),
              shouldPassed: z.number(),
              shouldTotal: z.number(),
              failingRequirements: z.array(z.string()),
              lastRunAt: z.string().nullable(),
            }),
          ),
          totalCount: z
            .number()
            .describe('Clusters matching the filters, over all pages'),
          nextOffset: z
            .number()
            .nullable()
            .describe('Offset of the next page; null on the last page'),
        }),
    },
    action: async ({ input, credentials }) => {
      const clusters = (
        await deps.api.listAllClusters(credentials, {
          verdict: input.verdict ? [input.verdict] : undefined,
          level: input.level ? [input.level] : undefined,
        })
      ).sort((a, b) => a.entityRef.localeCompare(b.entityRef));
      const owners = await ownersOf(
        deps.catalog,
        clusters.map(c => c.entityRef),
        credentials,
      );
      const owner = input.owner ? normalizeOwner(input.owner) : undefined;
      const platform = input.platform?.trim().toLocaleLowerCase('en-US');
      const rows = clusters
        .map(c => ({
          entityRef: c.entityRef,
          owner: owners.get(c.entityRef) ?? null,
          verdict: c.verdict,
          level: c.level ?? null,
          platform: c.platform,
          checklistVersion: c.requirementsVersion,
          kubernetesVersion: c.kubernetesVersion,
          mustPassed: c.mustPassed,
          mustTotal: c.mustTotal,
          shouldPassed: c.shouldPassed,
          shouldTotal: c.shouldTotal,
          failingRequirements: Object.entries(c.statuses ?? {})
            .filter(([, status]) => status === 'fail')
            .map(([id]) => id),
          lastRunAt: c.lastRunAt,
        }))
        .filter(
          r =>
            (!input.verdict ||
              (input.verdict === 'unchecked'
                ? r.verdict === null
                : r.verdict === input.verdict)) &&
            (!input.level || r.level === input.level) &&
            (!platform || r.platform === platform) &&
            (!owner || r.owner === owner) &&
            (!input.failingRequirement ||
              r.failingRequirements.includes(input.failingRequirement)),
        );
      const end = input.offset + input.limit;
      return {
        output: {
          items: rows.slice(input.offset, end),
          totalCount: rows.length,
          nextOffset: end < rows.length ? end : null,
        },
      };
    },
  });
}
