import { InputError } from '@backstage/errors';
import { aggregateTests, RawTestOutcome } from './testAggregation';
import type { ArtifactResults } from './types';

interface TestEvent {
  Action?: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
}

/** The type each known event field must have when present. */
const FIELD_TYPES: Record<keyof TestEvent, 'string' | 'number'> = {
  Action: 'string',
  Test: 'string',
  Elapsed: 'number',
  Output: 'string',
};

/** InputError naming the line and field when an event has a mistyped field. */
function checkEvent(e: Record<string, unknown>, line: number): TestEvent {
  for (const [field, type] of Object.entries(FIELD_TYPES)) {
    const value = e[field];
    if (value === undefined || value === null) continue;
    if (
      typeof value !== type ||
      (type === 'number' && !Number.isFinite(value))
    ) {
      throw new InputError(
        `results.json line ${line}: "${field}" must be a ${type}, got ${
          Array.isArray(value) ? 'an array' : typeof value
        }`,
      );
    }
  }
  return e as TestEvent;
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
 * not JSON (build output) are ignored; InputError when no test event exists
 * or an event has a field of the wrong type (naming the line).
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
  const textLines = text.split(/\r?\n/);
  for (let i = 0; i < textLines.length; i++) {
    const trimmed = textLines[i].trim();
    if (!trimmed.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      continue;
    }
    const e = checkEvent(parsed as Record<string, unknown>, i + 1);
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
