import type {
  ConformanceReport,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Top-level Go test name of our own active checks. Never one of the official
 * suite's names (those are `TestSecureAcceleratorAccess`, ...).
 *
 * @public
 */
export const ACTIVE_TEST_ROOT = 'TestAIConformanceActive';

/** The Go package our active tests are reported under. */
const ACTIVE_PACKAGE = 'ai-conformance/active';

/**
 * Our own active run in the official suite's three formats: gotestsum's
 * `junit.xml`, `go test -json` lines (`results.json`) and the verbose log
 * extracted from them (`e2e.log`).
 *
 * @public
 */
export interface ActiveArtifacts {
  'junit.xml': string;
  'results.json': string;
  'e2e.log': string;
  /** Test name per requirement id, e.g. `TestAIConformanceActive/gang_scheduling`. */
  tests: Record<string, { name: string; outcome: GoOutcome }>;
}

/** Outcome of a Go test in our artifacts. @public */
export type GoOutcome = 'pass' | 'fail' | 'skip';

interface GoTest {
  name: string;
  outcome: GoOutcome;
  seconds: number;
  /** Lines the test logs (t.Log). */
  log: string[];
  children: GoTest[];
}

/** A Go subtest name: t.Run rewrites spaces to `_`; we keep a safe charset. */
function subtestName(s: string): string {
  return s.trim().replace(/[^A-Za-z0-9_.-]+/g, '_') || '_';
}

/** Log text as t.Log prints it: each line indented, never a result line. */
function logLines(text: string): string[] {
  return (
    text
      .split(/\r?\n/)
      // eslint-disable-next-line no-control-regex
      .map(l => l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim())
      .filter(Boolean)
      .map(l => (/^(---|===)\s/.test(l) ? `| ${l}` : l))
  );
}

function outcomeOf(status: string): GoOutcome {
  if (status === 'pass') return 'pass';
  if (status === 'fail') return 'fail';
  return 'skip';
}

const STEP_SECONDS = /\((\d+(?:\.\d+)?) s in all\)/;

/** The test of one requirement with its steps as subtests. */
function requirementTest(r: RequirementResult): GoTest {
  const name = `${ACTIVE_TEST_ROOT}/${subtestName(r.id)}`;
  const steps = new Map<string, { outcome: string; detail: string }>();
  let seconds = 0;
  for (const e of r.evidence) {
    const step = e.fields?.step;
    const outcome = e.fields?.outcome;
    if (typeof step === 'string' && typeof outcome === 'string') {
      const prefix = `${step}: ${outcome} — `;
      steps.set(step, {
        outcome,
        detail: e.description.startsWith(prefix)
          ? e.description.slice(prefix.length)
          : e.description,
      });
    }
    const total = STEP_SECONDS.exec(e.description);
    if (total) seconds = Number(total[1]);
  }
  const children: GoTest[] = [...steps].map(([step, s]) => {
    const outcome = outcomeOf(s.outcome);
    return {
      name: `${name}/${subtestName(step)}`,
      outcome,
      seconds: 0,
      log: logLines(
        outcome === 'skip'
          ? `could not tell (unknown): ${s.detail}`
          : `${s.outcome}: ${s.detail}`,
      ),
      children: [],
    };
  });
  const own = outcomeOf(r.status);
  // a failing step fails its requirement, as in go test
  const outcome: GoOutcome = children.some(c => c.outcome === 'fail')
    ? 'fail'
    : own;
  return {
    name,
    outcome,
    seconds,
    log: logLines(
      outcome === 'skip' ? `could not tell (unknown): ${r.summary}` : r.summary,
    ),
    children,
  };
}

function fmt(seconds: number): string {
  return seconds.toFixed(2);
}

const WORD: Record<GoOutcome, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  skip: 'SKIP',
};

interface GoEvent {
  Time: string;
  Action: string;
  Package: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
}

/** The events `go test -json` emits for a test tree run sequentially. */
function events(root: GoTest, clock: () => string): GoEvent[] {
  const out: GoEvent[] = [];
  const ev = (Action: string, Test: string, extra: Partial<GoEvent> = {}) =>
    out.push({
      Time: clock(),
      Action,
      Package: ACTIVE_PACKAGE,
      Test,
      ...extra,
    });
  const run = (t: GoTest) => {
    ev('run', t.name);
    ev('output', t.name, { Output: `=== RUN   ${t.name}\n` });
    for (const l of t.log) ev('output', t.name, { Output: `    ${l}\n` });
    t.children.forEach(run);
  };
  // results are printed when the top-level test ends, nested beneath it
  const results = (t: GoTest, depth: number) => {
    ev('output', t.name, {
      Output: `${'    '.repeat(depth)}--- ${WORD[t.outcome]}: ${t.name} (${fmt(
        t.seconds,
      )}s)\n`,
    });
    for (const c of t.children) results(c, depth + 1);
    ev(t.outcome, t.name, { Elapsed: Number(fmt(t.seconds)) });
  };
  run(root);
  results(root, 0);
  return out;
}

function xmlAttr(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xA;')
    .replace(/\t/g, '&#x9;');
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function flatten(t: GoTest): GoTest[] {
  return [t, ...t.children.flatMap(flatten)];
}

/** The output of a test as gotestsum puts it in <failure>/<skipped>. */
function outputOf(t: GoTest): string {
  return [
    `=== RUN   ${t.name}`,
    ...t.log.map(l => `    ${l}`),
    `--- ${WORD[t.outcome]}: ${t.name} (${fmt(t.seconds)}s)`,
  ].join('\n');
}

function junit(root: GoTest, timestamp: string, elapsed: number): string {
  const all = flatten(root);
  const failures = all.filter(t => t.outcome === 'fail').length;
  const skipped = all.filter(t => t.outcome === 'skip').length;
  const cls = xmlAttr(ACTIVE_PACKAGE);
  const cases = all.map(t => {
    const open = `\t\t<testcase classname="${cls}" name="${xmlAttr(
      t.name,
    )}" time="${t.seconds.toFixed(6)}"`;
    if (t.outcome === 'pass') return `${open}></testcase>`;
    const tag =
      t.outcome === 'fail'
        ? `<failure message="Failed" type="">${xmlText(outputOf(t))}</failure>`
        : `<skipped message="${xmlAttr(outputOf(t))}"></skipped>`;
    return `${open}>\n\t\t\t${tag}\n\t\t</testcase>`;
  });
  const time = elapsed.toFixed(6);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${all.length}" failures="${failures}" errors="0" time="${time}">`,
    `\t<testsuite tests="${
      all.length
    }" failures="${failures}" errors="0" id="0" name="${cls}" skipped="${skipped}" time="${time}" timestamp="${xmlAttr(
      timestamp,
    )}">`,
    ...cases,
    '\t</testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * Writes the active results of a report (requirements evaluated by method
 * `active`) in the official suite's formats, under our own test names:
 * `TestAIConformanceActive/<requirement>/<step>`. Each step is a subtest
 * (pass/fail; a step that could not tell is skipped with its reason); each
 * requirement's test fails when a step failed, is skipped with the reason
 * when the check could not tell. Undefined when the report has no active
 * result.
 *
 * @public
 */
export function writeActiveArtifacts(
  report: ConformanceReport,
): ActiveArtifacts | undefined {
  const active = report.requirements.filter(r => r.method === 'active');
  if (active.length === 0) return undefined;
  const children = active.map(requirementTest);
  const elapsed = children.reduce((s, c) => s + c.seconds, 0);
  const failed = children.some(c => c.outcome === 'fail');
  const root: GoTest = {
    name: ACTIVE_TEST_ROOT,
    // go test: a parent whose subtests were all skipped passes
    outcome: failed ? 'fail' : 'pass',
    seconds: elapsed,
    log: [],
    children,
  };
  const start = Date.parse(report.generatedAt);
  const base = Number.isFinite(start) ? start : 0;
  let tick = 0;
  // strictly increasing timestamps, as a real stream has
  const clock = () => new Date(base + tick++).toISOString();
  const stream: GoEvent[] = [
    { Time: clock(), Action: 'start', Package: ACTIVE_PACKAGE },
    ...events(root, clock),
  ];
  const word = failed ? 'FAIL' : 'PASS';
  const summary = failed
    ? [`FAIL\n`, `FAIL\t${ACTIVE_PACKAGE}\t${elapsed.toFixed(3)}s\n`]
    : [`PASS\n`, `ok  \t${ACTIVE_PACKAGE}\t${elapsed.toFixed(3)}s\n`];
  for (const Output of summary) {
    stream.push({
      Time: clock(),
      Action: 'output',
      Package: ACTIVE_PACKAGE,
      Output,
    });
  }
  stream.push({
    Time: clock(),
    Action: word.toLowerCase(),
    Package: ACTIVE_PACKAGE,
    Elapsed: Number(elapsed.toFixed(3)),
  });
  const tests: ActiveArtifacts['tests'] = {};
  active.forEach((r, i) => {
    tests[r.id] = { name: children[i].name, outcome: children[i].outcome };
  });
  return {
    'junit.xml': junit(root, new Date(base).toISOString(), elapsed),
    'results.json': stream.map(e => `${JSON.stringify(e)}\n`).join(''),
    'e2e.log': stream.map(e => e.Output ?? '').join(''),
    tests,
  };
}
