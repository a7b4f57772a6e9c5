import { InputError } from '@backstage/errors';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { RequirementCategory, RequirementLevel } from '../types';

const CATEGORIES = [
  'accelerators',
  'networking',
  'schedulingOrchestration',
  'observability',
  'security',
  'operator',
] as const;

const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'id must be snake_case'),
    description: z.string().min(1),
    level: z.enum(['MUST', 'SHOULD']),
    status: z.string().optional().nullable(),
    evidence: z.array(z.unknown()).optional().nullable(),
    notes: z.string().optional().nullable(),
  })
  .passthrough();

const checklistSchema = z
  .object({
    metadata: z
      .object({
        kubernetesVersion: z
          .string()
          .regex(/^v?1\.\d+$/, 'kubernetesVersion must look like v1.NN'),
      })
      .passthrough(),
    spec: z
      .record(z.string(), z.array(itemSchema).nullable())
      .superRefine((spec, ctx) => {
        for (const key of Object.keys(spec)) {
          if (!(CATEGORIES as readonly string[]).includes(key)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `unknown category "${key}" (expected one of ${CATEGORIES.join(
                ', ',
              )})`,
              path: [key],
            });
          }
        }
      }),
  })
  .passthrough();

/**
 * One requirement as published in an official checklist.
 *
 * @public
 */
export interface OfficialChecklistItem {
  id: string;
  category: RequirementCategory;
  level: RequirementLevel;
  /** The official description text, unchanged. */
  description: string;
}

/**
 * An official checklist (or a filled-in submission) reduced to what the engine needs.
 *
 * @public
 */
export interface ParsedOfficialChecklist {
  /** Checklist version, e.g. '1.38'. */
  version: string;
  items: OfficialChecklistItem[];
}

/**
 * Parses an official CNCF checklist YAML (`AIConformance-1.NN.yaml` or a
 * filled-in `PRODUCT.yaml`). Keys on `id`; descriptions are kept as given.
 * Throws InputError on YAML or schema errors.
 *
 * @public
 */
export function parseOfficialChecklist(
  yamlText: string,
): ParsedOfficialChecklist {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (e) {
    throw new InputError(
      `Checklist is not valid YAML: ${(e as Error).message}`,
    );
  }
  const result = checklistSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues
      .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new InputError(
      `Checklist does not match the official format: ${issues}`,
    );
  }
  const version = result.data.metadata.kubernetesVersion.replace(/^v/, '');
  const items: OfficialChecklistItem[] = [];
  const seen = new Set<string>();
  for (const [category, list] of Object.entries(result.data.spec)) {
    for (const item of list ?? []) {
      if (seen.has(item.id)) {
        throw new InputError(`Checklist lists requirement "${item.id}" twice`);
      }
      seen.add(item.id);
      items.push({
        id: item.id,
        category: category as RequirementCategory,
        level: item.level,
        description: item.description,
      });
    }
  }
  if (items.length === 0) {
    throw new InputError('Checklist has no requirements');
  }
  return { version, items };
}
