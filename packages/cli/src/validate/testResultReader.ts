import { XMLParser } from 'fast-xml-parser';

/** Outcome of one test in an official-suite result file. */
export type TestOutcome = 'passed' | 'failed' | 'skipped';

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Test outcomes from a JUnit XML file, keyed by test name. A test case with
 * <failure> or <error> failed; with <skipped> it was skipped.
 */
export function readJUnitOutcomes(xml: string): Map<string, TestOutcome> {
  const doc = new XMLParser({
    ignoreAttributes: false,
    allowBooleanAttributes: true,
  }).parse(xml);
  const outcomes = new Map<string, TestOutcome>();
  const visit = (suite: any) => {
    for (const tc of asArray<any>(suite?.testcase)) {
      const name = String(tc?.['@_name'] ?? '');
      if (!name) continue;
      let outcome: TestOutcome = 'passed';
      if (tc.failure !== undefined || tc.error !== undefined)
        outcome = 'failed';
      else if (tc.skipped !== undefined) outcome = 'skipped';
      outcomes.set(name, outcome);
    }
    for (const inner of asArray<any>(suite?.testsuite)) visit(inner);
  };
  visit(doc?.testsuites ?? doc);
  return outcomes;
}

/**
 * Test outcomes from `go test -json` output (one JSON event per line); the
 * last pass/fail/skip action of each test wins.
 */
export function readGoTestOutcomes(text: string): Map<string, TestOutcome> {
  const outcomes = new Map<string, TestOutcome>();
  const actions: Record<string, TestOutcome> = {
    pass: 'passed',
    fail: 'failed',
    skip: 'skipped',
  };
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim().startsWith('{')) continue;
    let event: any;
    try {
      event = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof event?.Test === 'string' && actions[event.Action]) {
      outcomes.set(event.Test, actions[event.Action]);
    }
  }
  return outcomes;
}

/** Outcome of `name`, also matching a parent test for subtests and vice versa. */
export function findOutcome(
  outcomes: Map<string, TestOutcome>,
  name: string,
): TestOutcome | undefined {
  const direct = outcomes.get(name);
  if (direct) return direct;
  const children = [...outcomes].filter(([n]) => n.startsWith(`${name}/`));
  if (children.length === 0) return undefined;
  if (children.some(([, o]) => o === 'failed')) return 'failed';
  if (children.every(([, o]) => o === 'skipped')) return 'skipped';
  return 'passed';
}

/** Test outcomes from verbose `go test` output (`--- PASS: TestX (1.2s)` lines). */
export function readGoLogOutcomes(text: string): Map<string, TestOutcome> {
  const outcomes = new Map<string, TestOutcome>();
  const actions: Record<string, TestOutcome> = {
    PASS: 'passed',
    FAIL: 'failed',
    SKIP: 'skipped',
  };
  for (const m of text.matchAll(/^\s*--- (PASS|FAIL|SKIP): (\S+)/gm)) {
    outcomes.set(m[2], actions[m[1]]);
  }
  return outcomes;
}

/** The reader for a result file, by its name; undefined when not a result file. */
export function readerFor(
  fileName: string,
): ((text: string) => Map<string, TestOutcome>) | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xml')) return readJUnitOutcomes;
  if (lower.endsWith('results.json') || lower.endsWith('.jsonl')) {
    return readGoTestOutcomes;
  }
  if (lower.endsWith('e2e.log')) return readGoLogOutcomes;
  return undefined;
}
