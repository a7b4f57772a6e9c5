import type { ArtifactTestResult, ArtifactTestStatus } from './types';

export interface RawTestOutcome {
  name: string;
  status: ArtifactTestStatus;
  durationSeconds?: number;
  message?: string;
}

const MAX_MESSAGE = 2000;

function addMessage(existing: string | undefined, next: string): string {
  if (!existing) return next.slice(0, MAX_MESSAGE);
  if (existing.includes(next)) return existing;
  return `${existing}\n${next}`.slice(0, MAX_MESSAGE);
}

/**
 * Folds subtest outcomes ("TestX/sub") into their top-level test: a failed
 * subtest fails the test; the top-level outcome decides otherwise.
 */
export function aggregateTests(raw: RawTestOutcome[]): ArtifactTestResult[] {
  const tests = new Map<string, ArtifactTestResult>();
  const get = (name: string) => {
    let t = tests.get(name);
    if (!t) {
      t = { name, status: 'skipped' };
      tests.set(name, t);
    }
    return t;
  };
  const seenTop = new Set<string>();
  for (const r of raw) {
    const [top] = r.name.split('/');
    const t = get(top);
    if (r.name === top) {
      seenTop.add(top);
      t.status = t.status === 'failed' ? 'failed' : r.status;
      if (r.durationSeconds !== undefined)
        t.durationSeconds = r.durationSeconds;
      if (r.message) t.message = addMessage(t.message, r.message);
    } else if (r.status === 'failed') {
      t.status = 'failed';
      t.failedSubtests = [...(t.failedSubtests ?? []), r.name];
      if (r.message) t.message = addMessage(t.message, r.message);
    } else if (
      !seenTop.has(top) &&
      t.status === 'skipped' &&
      r.status === 'passed'
    ) {
      t.status = 'passed';
    }
  }
  return [...tests.values()];
}
