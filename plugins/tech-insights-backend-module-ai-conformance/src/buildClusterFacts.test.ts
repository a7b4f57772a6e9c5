import { DateTime } from 'luxon';
import { buildClusterFacts } from './buildClusterFacts';
import { latestResult } from './__testUtils__/fakeResults';

const now = new Date('2026-11-28T12:00:00Z');

describe('buildClusterFacts', () => {
  it('describes a conformant GKE cluster on a certified version', () => {
    const facts = buildClusterFacts(
      latestResult({
        entityRef: 'resource:default/gke-ai-prod',
        verdict: 'conformant',
        statuses: [
          ['ai_inference', 'MUST', 'pass'],
          ['cluster_autoscaling', 'MUST', 'not-applicable'],
          ['gpu_sharing', 'SHOULD', 'fail'],
        ],
        gpus: 4,
        lastRunAt: '2026-11-28T10:00:00Z',
        now,
      }),
    );
    expect(facts).toMatchObject({
      verdict: 'conformant',
      conformant: true,
      requirementsVersion: '1.34',
      mustPassed: 2,
      mustTotal: 2,
      shouldPassed: 0,
      shouldTotal: 1,
      level: 'silver',
      acceleratorCount: 4,
      gkeVersionCertified: true,
      ai_inference: true,
      cluster_autoscaling: true,
      gpu_sharing: false,
    });
    expect((facts.lastCheckedAt as DateTime).toISO()).toBe(
      DateTime.fromISO('2026-11-28T10:00:00Z').toISO(),
    );
  });

  it('marks a failing cluster below the certified GKE version', () => {
    const facts = buildClusterFacts(
      latestResult({
        entityRef: 'resource:default/old',
        verdict: 'not-conformant',
        statuses: [['gang_scheduling', 'MUST', 'fail']],
        kubernetesVersion: 'v1.34.0-gke.1500000',
        lastRunAt: '2026-11-28T10:00:00Z',
        now,
      }),
    );
    expect(facts).toMatchObject({
      conformant: false,
      level: 'none',
      gkeVersionCertified: false,
      gang_scheduling: false,
    });
  });

  it('reports a never-checked cluster as unchecked, not conformant', () => {
    expect(buildClusterFacts(undefined)).toEqual({
      verdict: 'unchecked',
      conformant: false,
      level: 'none',
      mustPassed: 0,
      mustTotal: 0,
      shouldPassed: 0,
      shouldTotal: 0,
      acceleratorCount: 0,
      gkeVersionCertified: false,
    });
  });
});
