import {
  computeVerdict,
  ConformanceReport,
  Evidence,
  getRequirementDefinition,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { OFFICIAL_ARTIFACTS } from './officialArtifacts';
import type { ArtifactResults, ArtifactTestResult } from './types';

/**
 * Official test names per requirement id (from the requirement catalog).
 *
 * @public
 */
export function officialTestsFor(id: string): string[] {
  return getRequirementDefinition(id)?.officialTests ?? [];
}

function describe(t: ArtifactTestResult, where: string): Evidence {
  const fields: Record<string, string | number> = { status: t.status };
  if (t.durationSeconds !== undefined)
    fields.durationSeconds = t.durationSeconds;
  if (t.failedSubtests?.length)
    fields.failedSubtests = t.failedSubtests.join(', ');
  return {
    description: `Official test ${t.name} ${t.status}${where}${
      t.message ? `: ${t.message.split('\n')[0]}` : ''
    }`,
    fields,
  };
}

/** Distinct test names (one test may come from several artifacts). */
function testNames(tests: Array<{ test: ArtifactTestResult }>): string {
  return [...new Set(tests.map(t => t.test.name))].join(', ');
}

function mergeOne(
  result: RequirementResult,
  tests: Array<{ test: ArtifactTestResult; where: string }>,
): RequirementResult {
  if (tests.length === 0) return result;
  // a skipped test is no evidence
  const evidence = tests
    .filter(({ test }) => test.status !== 'skipped')
    .map(({ test, where }) => describe(test, where));
  const failed = tests.filter(t => t.test.status === 'failed');
  const passed = tests.filter(t => t.test.status === 'passed');
  const notes = [...(result.notes ?? [])];
  if (failed.length > 0) {
    notes.push(`Passive check said: ${result.status} — ${result.summary}`);
    return {
      ...result,
      status: 'fail',
      method: 'artifact',
      summary: `Official test ${testNames(failed)} failed.`,
      evidence: [...evidence, ...result.evidence],
      notes,
    };
  }
  if (passed.length > 0) {
    if (result.status !== 'pass') {
      notes.push(`Passive check said: ${result.status} — ${result.summary}`);
    }
    return {
      ...result,
      status: 'pass',
      method: 'artifact',
      summary: `Official test ${testNames(passed)} passed.`,
      evidence: [...evidence, ...result.evidence],
      notes,
    };
  }
  notes.push(
    `Official test ${testNames(
      tests,
    )} was skipped: a skipped test is no evidence (the CNCF validator rejects "Implemented" backed by a skipped test).`,
  );
  return { ...result, notes };
}

/**
 * Merges official-suite results into a report with the CNCF validator's
 * rules: a failed mapped test fails its requirement, a passed one makes it
 * pass (method `artifact`), a skipped one adds no evidence. The verdict is
 * recomputed. Returns a new report; the input is not changed.
 *
 * @public
 */
export function mergeArtifactResults(
  report: ConformanceReport,
  artifacts: ArtifactResults | ArtifactResults[],
): ConformanceReport {
  const list = Array.isArray(artifacts) ? artifacts : [artifacts];
  const requirements = report.requirements.map(r => {
    const names = new Set(officialTestsFor(r.id));
    const tests = list.flatMap(a =>
      a.tests
        .filter(t => names.has(t.name))
        .map(test => ({
          test,
          where: ` (${a.location ?? OFFICIAL_ARTIFACTS[a.source].fileName})`,
        })),
    );
    return mergeOne(r, tests);
  });
  return { ...report, requirements, verdict: computeVerdict(requirements) };
}
