import type { RequirementResult, RequirementStatus, Verdict } from '../types';
import { computeConformanceLevel } from './conformanceLevel';

const NOW = new Date('2026-11-28T12:00:00Z');

function req(
  id: string,
  level: 'MUST' | 'SHOULD',
  status: RequirementStatus,
): RequirementResult {
  return {
    id,
    level,
    status,
    category: 'accelerators',
    conditional: false,
    title: id,
    method: 'passive',
    summary: '',
    evidence: [],
    remediation: [],
    errors: [],
  };
}

function report(
  statuses: Array<[string, 'MUST' | 'SHOULD', RequirementStatus]>,
  cluster: { platform?: 'gke' | 'eks'; kubernetesVersion?: string } = {},
) {
  const requirements = statuses.map(([id, l, s]) => req(id, l, s));
  const mustFails = requirements.some(
    r => r.level === 'MUST' && r.status === 'fail',
  );
  const mustOpen = requirements.some(
    r =>
      r.level === 'MUST' && (r.status === 'unknown' || r.status === 'partial'),
  );
  let verdict: Verdict = 'conformant';
  if (mustFails) verdict = 'not-conformant';
  else if (mustOpen) verdict = 'incomplete';
  return {
    requirementsVersion: '1.34',
    verdict,
    requirements,
    cluster: {
      name: 'c',
      platform: cluster.platform ?? 'eks',
      kubernetesVersion: cluster.kubernetesVersion ?? 'v1.34.2-eks-1',
      accelerators: [],
    },
  };
}

const fresh = { checkedAt: '2026-11-27T12:00:00Z', now: NOW };

describe('computeConformanceLevel', () => {
  it('is none when a MUST fails, naming it', () => {
    const r = computeConformanceLevel(
      report([
        ['ai_inference', 'MUST', 'fail'],
        ['gang_scheduling', 'MUST', 'pass'],
      ]),
      fresh,
    );
    expect(r).toEqual({
      level: 'none',
      missing: ['MUST requirements fail: ai_inference'],
    });
  });

  it('is bronze when no MUST fails but one is unknown or partial', () => {
    expect(
      computeConformanceLevel(
        report([
          ['ai_inference', 'MUST', 'unknown'],
          ['gang_scheduling', 'MUST', 'partial'],
        ]),
        fresh,
      ),
    ).toEqual({
      level: 'bronze',
      missing: [
        'MUST requirements not yet proven: ai_inference (unknown), gang_scheduling (partial)',
      ],
    });
  });

  it('is silver when conformant but a SHOULD is not met', () => {
    const r = computeConformanceLevel(
      report([
        ['ai_inference', 'MUST', 'pass'],
        ['gpu_sharing', 'SHOULD', 'fail'],
      ]),
      fresh,
    );
    expect(r.level).toBe('silver');
    expect(r.missing).toEqual([
      'SHOULD requirements not met: gpu_sharing (fail)',
    ]);
  });

  it('is gold when conformant, SHOULDs met or not applicable, and fresh', () => {
    const r = computeConformanceLevel(
      report([
        ['ai_inference', 'MUST', 'pass'],
        ['cluster_autoscaling', 'MUST', 'not-applicable'],
        ['gpu_sharing', 'SHOULD', 'not-applicable'],
        ['driver_runtime_management', 'SHOULD', 'pass'],
      ]),
      fresh,
    );
    expect(r).toEqual({ level: 'gold', missing: [] });
  });

  it('drops to silver exactly past the age limit', () => {
    const base = report([['ai_inference', 'MUST', 'pass']]);
    expect(
      computeConformanceLevel(base, {
        checkedAt: '2026-11-21T12:00:00Z',
        now: NOW,
      }).level,
    ).toBe('gold');
    const old = computeConformanceLevel(base, {
      checkedAt: '2026-11-21T11:59:59Z',
      now: NOW,
    });
    expect(old.level).toBe('silver');
    expect(old.missing).toEqual(['last checked more than 7 days ago']);
  });

  it('asks GKE clusters for a certified version, at the boundary', () => {
    const at = report([['ai_inference', 'MUST', 'pass']], {
      platform: 'gke',
      kubernetesVersion: 'v1.34.0-gke.1662000',
    });
    expect(computeConformanceLevel(at, fresh).level).toBe('gold');
    const below = report([['ai_inference', 'MUST', 'pass']], {
      platform: 'gke',
      kubernetesVersion: 'v1.34.0-gke.1661999',
    });
    expect(computeConformanceLevel(below, fresh)).toEqual({
      level: 'silver',
      missing: [
        'GKE version v1.34.0-gke.1661999 is not certified (minimum 1.34.0-gke.1662000)',
      ],
    });
    const uncertifiedMinor = report([['ai_inference', 'MUST', 'pass']], {
      platform: 'gke',
      kubernetesVersion: 'v1.36.1-gke.100',
    });
    expect(computeConformanceLevel(uncertifiedMinor, fresh).level).toBe(
      'silver',
    );
  });

  it('follows configured rules', () => {
    const r = report(
      [
        ['ai_inference', 'MUST', 'pass'],
        ['gpu_sharing', 'SHOULD', 'fail'],
      ],
      { platform: 'gke', kubernetesVersion: 'v1.34.0-gke.1' },
    );
    expect(
      computeConformanceLevel(r, {
        checkedAt: '2026-10-01T00:00:00Z',
        now: NOW,
        rules: {
          requireAllShould: false,
          maxAgeDays: 90,
          requireCertifiedGkeVersion: false,
        },
      }).level,
    ).toBe('gold');
  });
});
