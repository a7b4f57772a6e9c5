import type { StoredOutcome, StoredRun } from '../database/ConformanceStore';
import { levelOfRun } from './levelOfRun';

const now = new Date('2026-11-20T12:00:00Z');

function run(overrides: Partial<StoredRun> = {}): StoredRun {
  return {
    runId: 'r1',
    entityRef: 'resource:default/gke-a',
    status: 'succeeded',
    trigger: 'schedule',
    createdAt: '2026-11-20T10:00:00Z',
    finishedAt: '2026-11-20T10:01:00Z',
    progress: { done: 1, total: 1 },
    dryRunProbes: false,
    mode: 'passive',
    verdict: 'conformant',
    requirementsVersion: '1.34',
    platform: 'gke',
    kubernetesVersion: 'v1.34.1-gke.1829001',
    ...overrides,
  };
}

const must = (id: string, status: StoredOutcome['status']): StoredOutcome => ({
  id,
  level: 'MUST',
  status,
});
const should = (
  id: string,
  status: StoredOutcome['status'],
): StoredOutcome => ({ id, level: 'SHOULD', status });

describe('levelOfRun', () => {
  it('has no level without a run or a verdict', () => {
    expect(levelOfRun(undefined, undefined, { now })).toBeNull();
    expect(levelOfRun(run({ verdict: undefined }), [], { now })).toBeNull();
  });

  it('is none when a stored MUST failed, naming it', () => {
    const result = levelOfRun(
      run({ verdict: 'not-conformant' }),
      [must('dra_support', 'fail'), must('gang_scheduling', 'pass')],
      { now },
    );
    expect(result).toEqual({
      level: 'none',
      missing: ['MUST requirements fail: dra_support'],
    });
  });

  it('is bronze while a MUST is unknown', () => {
    const result = levelOfRun(
      run({ verdict: 'incomplete' }),
      [must('dra_support', 'unknown')],
      { now },
    );
    expect(result?.level).toBe('bronze');
    expect(result?.missing.join()).toContain('dra_support (unknown)');
  });

  it('is silver with an unmet SHOULD and gold once it passes', () => {
    const outcomes = [must('dra_support', 'pass')];
    expect(
      levelOfRun(run(), [...outcomes, should('gpu_sharing', 'unknown')], {
        now,
      }),
    ).toEqual({
      level: 'silver',
      missing: ['SHOULD requirements not met: gpu_sharing (unknown)'],
    });
    expect(
      levelOfRun(run(), [...outcomes, should('gpu_sharing', 'pass')], { now }),
    ).toEqual({ level: 'gold', missing: [] });
  });

  it('measures age from the finish time, and honours configured rules', () => {
    const old = run({ finishedAt: '2026-11-10T10:00:00Z' });
    const outcomes = [must('dra_support', 'pass')];
    expect(levelOfRun(old, outcomes, { now })?.missing).toEqual([
      'last checked more than 7 days ago',
    ]);
    expect(
      levelOfRun(old, outcomes, { now, rules: { maxAgeDays: 30 } })?.level,
    ).toBe('gold');
  });

  it('keeps a GKE cluster on an uncertified version at silver', () => {
    const result = levelOfRun(
      run({ kubernetesVersion: 'v1.34.0-gke.1500000' }),
      [must('dra_support', 'pass')],
      { now },
    );
    expect(result?.level).toBe('silver');
    expect(result?.missing.join()).toContain('1.34.0-gke.1662000');
  });
});
