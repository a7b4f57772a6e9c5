import { InputError } from '@backstage/errors';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

interface TestEvent {
  Action?: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
}

const FINAL: Record<string, RawTestOutcome['status']> = {
  pass: 'passed',
  fail: 'failed',
  skip: 'skipped',
};

/**
 * Parses `go test -json` output (results.json) of the official suite: one
 * JSON event per line. The last pass/fail/skip of each test counts; the
 * output of failed or skipped tests becomes their message. Lines that are
 * not JSON (build output) are ignored; InputError when no test event exists.
 *
 * @public
 */
export function parseGoTestJsonArtifact(
  text: string,
  location?: string,
): ArtifactResults {
  const outputs = new Map<string, string[]>();
  const finals = new Map<string, RawTestOutcome>();
  let events = 0;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    let e: TestEvent;
    try {
      e = JSON.parse(trimmed);
    } catch {
      continue;
    }
    if (!e.Test || !e.Action) continue;
    events++;
    if (e.Action === 'output' && e.Output) {
      const lines = outputs.get(e.Test) ?? [];
      lines.push(e.Output);
      if (lines.length > 40) lines.shift();
      outputs.set(e.Test, lines);
    }
    const status = FINAL[e.Action];
    if (status) {
      finals.set(e.Test, {
        name: e.Test,
        status,
        durationSeconds: e.Elapsed,
      });
    }
  }
  if (events === 0) {
    throw new InputError('results.json holds no go test -json test events');
  }
  const raw = [...finals.values()].map(r =>
    r.status === 'passed'
      ? r
      : {
          ...r,
          message:
            (outputs.get(r.name) ?? [])
              .filter(
                l =>
                  !/^(=== RUN|=== PAUSE|=== CONT|--- (FAIL|SKIP|PASS))/.test(
                    l.trim(),
                  ),
              )
              .join('')
              .trim() || undefined,
        },
  );
  return {
    source: 'go-test-json',
    ...(location ? { location } : {}),
    tests: aggregateTests(raw),
  };
}
