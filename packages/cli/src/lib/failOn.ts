import type {
  ConformanceReport,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  CliError,
  EXIT_INCOMPLETE,
  EXIT_NOT_CONFORMANT,
  EXIT_OK,
  EXIT_USAGE,
  ExitCode,
} from './CliError';
import type { ContextResult } from './contextResult';

/** The lowest level whose failure makes the command exit non-zero. */
export type FailOn = 'must' | 'should' | 'none';

export const FAIL_ON_VALUES: readonly FailOn[] = ['must', 'should', 'none'];

export function parseFailOn(value: string): FailOn {
  if ((FAIL_ON_VALUES as readonly string[]).includes(value)) {
    return value as FailOn;
  }
  throw new CliError(
    `invalid --fail-on "${value}": use one of ${FAIL_ON_VALUES.join(', ')}`,
  );
}

function gateFor(requirements: RequirementResult[]): {
  failed: string[];
  undecided: string[];
} {
  const failed = requirements.filter(r => r.status === 'fail').map(r => r.id);
  const undecided = requirements
    .filter(r => r.status === 'unknown' || r.status === 'partial')
    .map(r => r.id);
  return { failed, undecided };
}

/**
 * Exit code for one report.
 * - `must`: 1 when the verdict is not-conformant (a MUST failed), 2 when it
 *   is incomplete (a MUST unknown or partial), else 0.
 * - `should`: as `must`, and SHOULD requirements count the same way
 *   (a failed SHOULD gives 1, an unknown or partial SHOULD gives 2).
 * - `none`: always 0.
 * A failure (1) wins over incomplete (2).
 */
export function exitCodeForReport(
  report: ConformanceReport,
  failOn: FailOn,
): ExitCode {
  if (failOn === 'none') return EXIT_OK;
  if (report.verdict === 'not-conformant') return EXIT_NOT_CONFORMANT;
  let code: ExitCode =
    report.verdict === 'incomplete' ? EXIT_INCOMPLETE : EXIT_OK;
  if (failOn === 'should') {
    const should = gateFor(
      report.requirements.filter(r => r.level === 'SHOULD'),
    );
    if (should.failed.length > 0) return EXIT_NOT_CONFORMANT;
    if (should.undecided.length > 0) code = EXIT_INCOMPLETE;
  }
  return code;
}

/**
 * Exit code over several contexts: 3 if any context could not be checked,
 * else 1 if any is not conformant, else 2 if any is incomplete, else 0.
 */
export function exitCodeForResults(
  results: ContextResult[],
  failOn: FailOn,
): ExitCode {
  const codes = results.map(r =>
    r.report ? exitCodeForReport(r.report, failOn) : EXIT_USAGE,
  );
  for (const c of [EXIT_USAGE, EXIT_NOT_CONFORMANT, EXIT_INCOMPLETE]) {
    if (codes.includes(c)) return c;
  }
  return EXIT_OK;
}
