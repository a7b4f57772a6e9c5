import {
  computeConformanceLevel,
  type ConformanceLevelResult,
  type GoldLevelRules,
  type Platform,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { StoredOutcome, StoredRun } from '../database/ConformanceStore';

/**
 * The scorecard level of a stored run from its per-requirement outcomes,
 * without loading the report body; null for a run without a verdict.
 */
export function levelOfRun(
  run: StoredRun | undefined,
  outcomes: StoredOutcome[] | undefined,
  options: { rules?: Partial<GoldLevelRules>; now?: Date } = {},
): ConformanceLevelResult | null {
  if (!run?.verdict) return null;
  return computeConformanceLevel(
    {
      verdict: run.verdict,
      requirements: outcomes ?? [],
      cluster: {
        platform: (run.platform ?? 'generic') as Platform,
        kubernetesVersion: run.kubernetesVersion,
      },
    },
    {
      checkedAt: run.finishedAt ?? run.createdAt,
      now: options.now,
      rules: options.rules,
    },
  );
}
