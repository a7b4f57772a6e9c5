/**
 * Components a platform team declares because the engine cannot recognise
 * them: the capability they provide, their API group and their controller.
 * Declared components are checked like known ones and labelled "declared"
 * in the evidence; a declared controller that is missing or down fails.
 */
import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Capabilities a component can be declared for, and the check each feeds.
 *
 * @public
 */
export const DECLARABLE_CAPABILITIES = {
  'ai-operator': 'robust_controller',
  'service-metrics': 'ai_service_metrics',
  'gang-scheduling': 'gang_scheduling',
  'cluster-autoscaling': 'cluster_autoscaling',
} as const;

/** @public */
export type DeclaredCapability = keyof typeof DECLARABLE_CAPABILITIES;

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const capabilities = Object.keys(DECLARABLE_CAPABILITIES) as [
  DeclaredCapability,
  ...DeclaredCapability[],
];

/**
 * Schema of one declared component.
 *
 * @public
 */
export const declaredSolutionSchema = z
  .object({
    /** Product name shown in the evidence, e.g. "Acme Model Operator". */
    name: z.string().trim().min(1).max(100),
    capability: z.enum(capabilities),
    /** API group of its custom resources, e.g. "models.acme.example". */
    group: z
      .string()
      .max(253)
      .regex(DNS_SUBDOMAIN, 'must be an API group name (DNS subdomain)')
      .optional(),
    /** The workload that runs it. */
    controller: z
      .object({
        namespace: z
          .string()
          .max(63)
          .regex(DNS_LABEL, 'must be a namespace name (DNS label)'),
        name: z
          .string()
          .max(253)
          .regex(DNS_SUBDOMAIN, 'must be an object name (DNS subdomain)'),
        kind: z
          .enum(['Deployment', 'DaemonSet', 'StatefulSet'])
          .default('Deployment'),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.group && !s.controller) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'declare a group, a controller or both',
      });
    }
    if (s.capability === 'ai-operator' && !s.group) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['group'],
        message: 'an ai-operator is declared with the API group of its CRDs',
      });
    }
  });

/**
 * A component declared in `aiConformance.solutions` or a `--solutions` file.
 *
 * @public
 */
export type DeclaredSolution = z.output<typeof declaredSolutionSchema>;

/**
 * A component as it is declared (the controller's kind may be left out).
 *
 * @public
 */
export type DeclaredSolutionInput = z.input<typeof declaredSolutionSchema>;

/** Most components a declaration may list. */
export const MAX_DECLARED_SOLUTIONS = 100;

const listSchema = z.array(declaredSolutionSchema).max(MAX_DECLARED_SOLUTIONS);

/**
 * Validates declared components: a list, or `{ solutions: [...] }` as in a
 * `--solutions` YAML file. Throws InputError naming the first problems.
 *
 * @public
 */
export function parseDeclaredSolutions(
  input: unknown,
  source = 'declared solutions',
): DeclaredSolution[] {
  const list =
    input && typeof input === 'object' && !Array.isArray(input)
      ? (input as { solutions?: unknown }).solutions
      : input;
  if (list === undefined || list === null) return [];
  const parsed = listSchema.safeParse(list);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map(i => `${i.path.length ? `[${i.path.join('.')}] ` : ''}${i.message}`)
      .join('; ');
    throw new InputError(`Invalid ${source}: ${issues}`);
  }
  return parsed.data;
}
