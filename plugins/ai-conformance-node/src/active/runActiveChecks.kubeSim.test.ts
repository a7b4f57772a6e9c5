import { loadScenario, startKubeSim } from '@ai-conformance/kube-sim';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { loadClientNode } from '../cluster/loadClientNode';
import { runConformanceCheck } from '../collector/runConformanceCheck';
import { reportSchemaErrors } from '../evaluate/__testUtils__/schemaValidators';
import { mergeActiveResults } from './mergeActiveResults';
import { runActiveChecks, RunActiveChecksOptions } from './runActiveChecks';
import {
  labelledObjects,
  simApiClient,
  simConnection,
} from './__testUtils__/simClusters';

jest.setTimeout(120_000);

type Sim = Awaited<ReturnType<typeof startKubeSim>>;

const FAST: RunActiveChecksOptions = {
  pollIntervalMs: 100,
  gangObserveMs: 2000,
  checkDeadlineMs: 30_000,
};

/** Each broken switch, the requirement it breaks, and what the evidence must say. */
const SWITCHES = [
  {
    workloads: { isolation: 'leaks' },
    id: 'secure_accelerator_access',
    says: /container second of pod aic-access-granted has no grant but sees 1 device\(s\): GPU-/,
  },
  {
    workloads: { gang: 'partial' },
    id: 'gang_scheduling',
    says: /Gang aic-gang-too-big ran partially: aic-gang-too-big-\S+ Running while/,
  },
  {
    workloads: { autoscaler: 'stuck' },
    id: 'cluster_autoscaling',
    says: /No node was added to pool cloud.google.com\/gke-nodepool=l4-pool within \d+ s while pod aic-scale-\d stayed Pending \(Unschedulable: /,
  },
  {
    workloads: { webhook: 'absent' },
    id: 'robust_controller',
    says: /the invalid RayCluster aic-invalid was stored: no admission webhook refused it/,
  },
  {
    workloads: { reconcile: 'never' },
    id: 'robust_controller',
    says: /valid RayCluster aic-valid got no status within \d+ s/,
  },
  {
    workloads: { sandbox: 'shared-kernel' },
    id: 'workload_sandboxing',
    says: /Container uname of pod aic-sandboxed \(RuntimeClass gvisor, handler gvisor\) reports the node's kernel \S+, the same as control pod aic-control/,
  },
] as const;

/**
 * GKE 1.37 with only its DRA GPU pool: no node publishes nvidia.com/gpu
 * (the device-plugin pools and the workloads placed on them are dropped).
 */
function draOnly() {
  const scenario = loadScenario('gke-1.37-conformant');
  const gpu = (r?: Record<string, unknown>) => Boolean(r?.['nvidia.com/gpu']);
  return {
    ...scenario,
    name: 'gke-1.37-dra-only',
    nodePools: (scenario.nodePools ?? []).filter(p => !gpu(p.allocatable)),
    workloads: (scenario.workloads ?? []).filter(w => !gpu(w.requests)),
  };
}

describe('active checks against kube-sim', () => {
  let sim: Sim;

  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      clusters: [
        { name: 'gke134', scenario: 'gke-1.34-conformant' },
        { name: 'gke137', scenario: 'gke-1.37-conformant' },
        { name: 'rbac', scenario: 'restricted-rbac' },
        {
          name: 'scale-down',
          scenario: 'gke-1.34-conformant',
          workloads: { scaleDownDelayMs: 1000 },
        },
        { name: 'dra', scenario: draOnly() },
        {
          name: 'dra-leaks',
          scenario: draOnly(),
          workloads: { isolation: 'leaks' },
        },
        ...SWITCHES.map((s, i) => ({
          name: `broken${i}`,
          scenario: 'gke-1.37-conformant',
          workloads: s.workloads as any,
        })),
      ],
    });
  });

  afterAll(() => sim?.stop());

  const connection = (name: string) => simConnection(sim, name);
  const client = (name: string) => simApiClient(sim, name);

  /** Every kind a run creates, listed by the run label. */
  const leftovers = (name: string) =>
    labelledObjects(sim, name, [
      '/api/v1/namespaces',
      '/api/v1/pods',
      '/apis/batch/v1/jobs',
      '/apis/apps/v1/deployments',
      '/apis/autoscaling/v2/horizontalpodautoscalers',
      '/apis/kueue.x-k8s.io/v1beta1/clusterqueues',
      '/apis/kueue.x-k8s.io/v1beta1/resourceflavors',
      '/apis/kueue.x-k8s.io/v1beta1/localqueues',
      '/apis/ray.io/v1/rayclusters',
    ]);

  const passiveAndActive = async (
    name: string,
    options: RunActiveChecksOptions = {},
  ) => {
    const { report } = await runConformanceCheck(await connection(name));
    const run = await runActiveChecks(await client(name), {
      ...FAST,
      requirementIds: report.requirements.map(r => r.id),
      ...options,
    });
    return { passive: report, run, merged: mergeActiveResults(report, run) };
  };

  const status = (r: ConformanceReport, id: string) =>
    r.requirements.find(x => x.id === id)?.status;

  it.each([
    [
      'gke134',
      '1.34',
      [
        'secure_accelerator_access',
        'gang_scheduling',
        'robust_controller',
        'cluster_autoscaling',
        'pod_autoscaling',
      ],
    ],
    [
      'gke137',
      '1.37',
      [
        'secure_accelerator_access',
        'gang_scheduling',
        'robust_controller',
        'workload_sandboxing',
        'cluster_autoscaling',
        'pod_autoscaling',
      ],
    ],
  ])(
    'healthy %s (%s): every active check passes with evidence and nothing labelled is left',
    async (name, version, ids) => {
      const { passive, run, merged } = await passiveAndActive(name);
      expect(passive.requirementsVersion).toBe(version);
      expect(run.results.map(r => [r.id, r.status])).toEqual(
        ids.map(id => [id, 'pass']),
      );
      for (const r of run.results) expect(r.evidence.length).toBeGreaterThan(2);
      for (const id of ids) {
        const m = merged.requirements.find(x => x.id === id)!;
        expect(m).toMatchObject({ status: 'pass', method: 'active' });
      }
      expect(merged.verdict).toBe(passive.verdict);
      expect(reportSchemaErrors(merged)).toEqual([]);
      expect(run.cleanup.errors).toEqual([]);
      expect(await leftovers(name)).toEqual([]);
    },
  );

  it.each(
    SWITCHES.map(
      (s, i) => [Object.entries(s.workloads)[0].join(': '), i, s] as const,
    ),
  )(
    '%s: fails its requirement under active while passive passes it',
    async (_label, i, s) => {
      const name = `broken${i}`;
      const deadline =
        s.id === 'cluster_autoscaling' || s.id === 'robust_controller'
          ? { checkDeadlineMs: 8000 }
          : {};
      const { passive, run, merged } = await passiveAndActive(name, {
        requirementIds: [s.id],
        ...deadline,
      });
      expect(status(passive, s.id)).toBe('pass');
      const active = run.results[0];
      expect(active.status).toBe('fail');
      expect(active.summary).toMatch(s.says);
      const m = merged.requirements.find(x => x.id === s.id)!;
      expect(m).toMatchObject({ status: 'fail', method: 'active' });
      expect(m.notes?.join('\n')).toContain('Passive check said: pass');
      // a SHOULD does not decide the verdict
      expect(merged.verdict).toBe(
        m.level === 'MUST' ? 'not-conformant' : passive.verdict,
      );
      expect(await leftovers(name)).toEqual([]);
    },
  );

  it('DRA mode: grants through a ResourceClaim; a leak is seen there too', async () => {
    const only = { ...FAST, requirementIds: ['secure_accelerator_access'] };
    const ok = (await runActiveChecks(await client('dra'), only)).results[0];
    expect([ok.status, ok.summary]).toEqual([
      'pass',
      expect.stringContaining('(DRA, node gke-ai-rapid-l4-dra-pool-'),
    ]);
    expect(ok.evidence[0].fields).toEqual({
      mode: 'dra',
      deviceClass: 'gpu.nvidia.com',
    });
    expect(ok.evidence.map(e => e.description).join('\n')).toContain(
      'Objects created: ResourceClaim aic-run-',
    );
    const leak = (await runActiveChecks(await client('dra-leaks'), only))
      .results[0];
    expect(leak.status).toBe('fail');
    expect(leak.summary).toMatch(
      /container none of pod aic-access-none has no grant but sees 1 device\(s\): GPU-/,
    );
    expect(await leftovers('dra')).toEqual([]);
  });

  it('observes the scale-down when asked', async () => {
    const run = await runActiveChecks(await client('scale-down'), {
      ...FAST,
      requirementIds: ['cluster_autoscaling'],
      observeScaleDown: true,
    });
    expect(run.results[0].status).toBe('pass');
    expect(run.results[0].evidence.map(e => e.description).join('\n')).toMatch(
      /Scale-down: node gke-ai-prod-l4-pool-\S+ left the pool [\d.]+ s after the test pods were deleted/,
    );
  });

  it('restricted RBAC: lists the missing verbs and writes nothing', async () => {
    const sc = sim.cluster('rbac');
    sc.resetCounters();
    const run = await runActiveChecks(await client('rbac'), FAST);
    expect(run.missingPermissions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^create namespaces/),
        expect.stringMatching(/^create pods in aic-run-/),
      ]),
    );
    expect(
      run.results.every(
        r =>
          r.status === 'unknown' && r.summary.includes('nothing was created'),
      ),
    ).toBe(true);
    const writes = sc
      .requestLog()
      .filter(
        e =>
          e.method !== 'GET' && !e.path.endsWith('/selfsubjectaccessreviews'),
      );
    expect(writes).toEqual([]);
    expect(
      sc.requestLog().some(e => e.path.endsWith('/selfsubjectaccessreviews')),
    ).toBe(true);
  });
});
