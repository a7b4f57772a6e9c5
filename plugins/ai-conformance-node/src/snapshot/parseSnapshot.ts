import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { ClusterSnapshot, SNAPSHOT_SCHEMA_VERSION } from './types';

const outcome = z.enum([
  'ok',
  'forbidden',
  'notFound',
  'unavailable',
  'timeout',
  'error',
  'skipped',
]);

const kubeObject = z
  .object({ metadata: z.object({ name: z.string() }).passthrough() })
  .passthrough();

const snapshotSchema = z
  .object({
    schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
    collectedAt: z.string().datetime({ offset: true }),
    cluster: z
      .object({ name: z.string().min(1), server: z.string().optional() })
      .passthrough(),
    version: z
      .object({
        outcome,
        info: z
          .object({
            major: z.string(),
            minor: z.string(),
            gitVersion: z.string(),
          })
          .passthrough()
          .optional(),
        message: z.string().optional(),
      })
      .passthrough(),
    discovery: z
      .object({
        source: z.enum(['aggregated', 'legacy']),
        fallbackReason: z.string().optional(),
        outcome,
        groups: z.array(
          z
            .object({
              name: z.string(),
              preferredVersion: z.string().optional(),
              versions: z.array(
                z
                  .object({
                    version: z.string(),
                    resources: z.array(
                      z
                        .object({
                          name: z.string(),
                          kind: z.string(),
                          namespaced: z.boolean(),
                          verbs: z.array(z.string()),
                        })
                        .passthrough(),
                    ),
                    freshness: z.enum(['Current', 'Stale']).optional(),
                  })
                  .passthrough(),
              ),
            })
            .passthrough(),
        ),
        failures: z.array(
          z
            .object({ groupVersion: z.string(), outcome, message: z.string() })
            .passthrough(),
        ),
        message: z.string().optional(),
      })
      .passthrough(),
    reads: z.record(
      z.string(),
      z
        .object({
          outcome,
          request: z.string(),
          items: z.array(kubeObject).optional(),
          object: kubeObject.optional(),
        })
        .passthrough(),
    ),
    probes: z.record(
      z.string(),
      z
        .object({
          id: z.string(),
          outcome: z.enum([
            'rejected',
            'accepted',
            'forbidden',
            'skipped',
            'error',
          ]),
          message: z.string(),
        })
        .passthrough(),
    ),
    stats: z
      .object({
        apiRequests: z.number().int().nonnegative(),
        durationMs: z.number().nonnegative(),
        waves: z.number().int().nonnegative(),
      })
      .passthrough(),
    metrics: z
      .object({
        source: z.string(),
        sampledAt: z.string().datetime({ offset: true }),
        samples: z
          .array(
            z.object({
              name: z.string(),
              labels: z.record(z.string(), z.string()),
            }),
          )
          .optional(),
        queried: z.array(z.string()).optional(),
        omitted: z.number().int().nonnegative().optional(),
        error: z.string().optional(),
        durationMs: z.number().nonnegative().optional(),
      })
      .optional(),
  })
  .passthrough();

/** Keys whose presence anywhere in a snapshot suggests a credential. */
const CREDENTIAL_KEYS =
  /^(token|bearerToken|caData|certData|keyData|client-key-data|client-certificate-data|certificate-authority-data|password|authorization)$/i;

function findCredentialKey(
  value: unknown,
  path: string,
  depth = 0,
): string | undefined {
  if (depth > 12 || value === null || typeof value !== 'object')
    return undefined;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (
      CREDENTIAL_KEYS.test(k) &&
      (typeof v === 'string' ? v.length > 0 : v !== undefined)
    ) {
      return `${path}.${k}`;
    }
    const found = findCredentialKey(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Validates a snapshot read from JSON (a file or an upload). Throws
 * InputError naming the first problems, including any credential-looking
 * key outside of read results (which the collector never writes).
 *
 * @public
 */
export function parseSnapshot(json: unknown): ClusterSnapshot {
  const result = snapshotSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new InputError(`Invalid cluster snapshot: ${issues}`);
  }
  const { reads: _reads, ...outside } = result.data as Record<string, unknown>;
  const credential = findCredentialKey(outside, 'snapshot');
  if (credential) {
    throw new InputError(
      `Invalid cluster snapshot: it must not contain credentials (${credential})`,
    );
  }
  return result.data as unknown as ClusterSnapshot;
}
