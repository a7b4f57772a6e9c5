import { InputError } from '@backstage/errors';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

const RESULT = /^\s*--- (PASS|FAIL|SKIP): (\S+)(?: \((\d+(?:\.\d+)?)s\))?/;
const RUN = /^=== (?:RUN|CONT|PAUSE)\s+(\S+)/;

const STATUS: Record<string, RawTestOutcome['status']> = {
  PASS: 'passed',
  FAIL: 'failed',
  SKIP: 'skipped',
};

/**
 * Parses the official suite's `e2e.log`: the verbose `go test` output
 * (`=== RUN`, log lines, `--- PASS|FAIL|SKIP: TestX (1.2s)`), as extracted
 * from results.json. The last result line of each test counts; the log lines
 * a failed or skipped test printed become its message. Subtests fold into
 * their test. InputError when the log holds no result line.
 *
 * @public
 */
export function parseE2eLogArtifact(
  text: string,
  location?: string,
): ArtifactResults {
  const logs = new Map<string, string[]>();
  const finals = new Map<string, RawTestOutcome>();
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const run = RUN.exec(line);
    if (run) {
      current = run[1];
      continue;
    }
    const result = RESULT.exec(line);
    if (result) {
      const [, word, name, seconds] = result;
      finals.set(name, {
        name,
        status: STATUS[word],
        ...(seconds ? { durationSeconds: Number(seconds) } : {}),
      });
      continue;
    }
    if (current && /^\s+\S/.test(line)) {
      const lines = logs.get(current) ?? [];
      lines.push(line.trim());
      if (lines.length > 40) lines.shift();
      logs.set(current, lines);
    }
  }
  if (finals.size === 0) {
    throw new InputError(
      'e2e.log holds no go test result line (--- PASS/FAIL/SKIP)',
    );
  }
  const raw = [...finals.values()].map(r =>
    r.status === 'passed'
      ? r
      : { ...r, message: (logs.get(r.name) ?? []).join('\n') || undefined },
  );
  return {
    source: 'e2e-log',
    ...(location ? { location } : {}),
    tests: aggregateTests(raw),
  };
}
