import { InputError } from '@backstage/errors';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

const RESULT = /^\s*--- (PASS|FAIL|SKIP): (\S+)(?: \((\d+(?:\.\d+)?)s\))?/;
const RUN = /^=== (?:RUN|CONT|PAUSE)\s+(\S+)/;
/** A line that starts like a result line (then it must be one). */
const RESULT_START = /^\s*--- (PASS|FAIL|SKIP)\b/;
/**
 * Control characters that never occur in a text log (tab, CR and the
 * escape of terminal colours are fine).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f]/;

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
 * their test. InputError when the log holds no result line, a line that
 * starts like a result line but is not one, or a control character (naming
 * the line).
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
  const textLines = text.split(/\r?\n/);
  for (let i = 0; i < textLines.length; i++) {
    const line = textLines[i];
    const control = CONTROL.exec(line);
    if (control) {
      throw new InputError(
        `e2e.log line ${i + 1}: control character U+${control[0]
          .charCodeAt(0)
          .toString(16)
          .toUpperCase()
          .padStart(4, '0')} (the log is go test output, plain text)`,
      );
    }
    if (RESULT_START.test(line) && !RESULT.test(line)) {
      throw new InputError(
        `e2e.log line ${
          i + 1
        }: a result line must read "--- PASS|FAIL|SKIP: TestName (1.23s)", got "${line
          .trim()
          .slice(0, 80)}"`,
      );
    }
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
