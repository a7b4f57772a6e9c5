import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';

/** What got worse between two reports of one cluster. */
export interface Regression {
  /** The cluster was conformant and is not any more. */
  verdict?: { from: string; to: string };
  /** MUST requirements that passed and now fail. */
  mustFailures: Array<{ id: string; title: string; summary: string }>;
}

/**
 * Compares the previous and the current report of a cluster. Returns
 * undefined when nothing regressed: a cluster that stays not conformant, or
 * a MUST that keeps failing, is not a new regression.
 */
export function findRegressions(
  previous: ConformanceReport,
  current: ConformanceReport,
): Regression | undefined {
  const before = new Map(previous.requirements.map(r => [r.id, r.status]));
  const mustFailures = current.requirements
    .filter(
      r =>
        r.level === 'MUST' &&
        r.status === 'fail' &&
        before.get(r.id) === 'pass',
    )
    .map(r => ({ id: r.id, title: r.title, summary: r.summary }));
  const verdict =
    previous.verdict === 'conformant' && current.verdict !== 'conformant'
      ? { from: previous.verdict, to: current.verdict }
      : undefined;
  if (!verdict && mustFailures.length === 0) return undefined;
  return { verdict, mustFailures };
}
