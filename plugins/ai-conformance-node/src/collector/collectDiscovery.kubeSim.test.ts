import { startKubeSim } from '@ai-conformance/kube-sim';
import type { FaultSpec } from '@ai-conformance/kube-sim';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import type { ClusterSnapshot } from '../snapshot/types';
import { collectSnapshot } from './collectSnapshot';
import { runConformanceCheck } from './runConformanceCheck';

jest.setTimeout(120_000);

// Acceptance: a broken aggregated discovery falls back to legacy discovery
// and changes no status; a read failure never turns into "not installed".
const SCENARIO = 'gke-1.34-conformant';
const AGGREGATED_FAULTS = [
  'truncated',
  'malformed',
  503,
  406,
  'wrong-content-type',
  'missing-groups',
] as const;
const CLUSTERS: Array<{
  name: string;
  scenario?: string;
  faults?: FaultSpec[];
}> = [
  { name: 'healthy' },
  ...AGGREGATED_FAULTS.map(fault => ({
    name: `agg-${fault}`,
    faults: [{ aggregatedDiscovery: fault }],
  })),
  // Both kinds of discovery broken: every /api and /apis answer fails...
  { name: 'both-503', faults: [{ path: '^/apis?$', status: 503 }] },
  // ...or aggregated is truncated and the legacy group list has no groups.
  {
    name: 'both-malformed',
    faults: [
      { aggregatedDiscovery: 'truncated' },
      { path: '^/apis$', malformedBody: 'wrong-shape' },
    ],
  },
  // A legacy resource list without its resources.
  {
    name: 'agg-503-apps-malformed',
    faults: [
      { aggregatedDiscovery: 503 },
      { path: '^/apis/apps/v1$', malformedBody: 'wrong-shape' },
    ],
  },
  // Malformed list bodies.
  {
    name: 'nodes-no-items',
    faults: [{ path: '^/api/v1/nodes$', malformedBody: 'wrong-shape' }],
  },
  {
    name: 'nodes-html',
    faults: [{ path: '^/api/v1/nodes$', malformedBody: 'not-json' }],
  },
  { name: 'adapter-down', scenario: 'adapter-down' },
  {
    name: 'adapter-down-agg-503',
    scenario: 'adapter-down',
    faults: [{ aggregatedDiscovery: 503 }],
  },
];

type Sim = Awaited<ReturnType<typeof startKubeSim>>;
type Run = { snapshot: ClusterSnapshot; report: ConformanceReport };

const statuses = (report: ConformanceReport) =>
  Object.fromEntries(report.requirements.map(r => [r.id, r.status]));

describe('discovery fallback against kube-sim', () => {
  let sim: Sim;
  const runs = new Map<string, Run>();

  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      clusters: CLUSTERS.map(c => ({
        name: c.name,
        scenario: c.scenario ?? SCENARIO,
        faults: c.faults,
      })),
      metrics: false,
    });
  });

  afterAll(async () => {
    await sim?.stop();
  });

  /** One passive run per cluster (and checklist version), shared by the tests. */
  async function run(name: string, requirementsVersion?: string): Promise<Run> {
    const key = `${name}@${requirementsVersion ?? ''}`;
    const done = runs.get(key);
    if (done) return done;
    const c = sim.cluster(name);
    const connection = await connectToCluster({
      type: 'explicit',
      name,
      url: c.server,
      caData: c.caData,
      token: c.token,
    });
    c.resetCounters();
    const result = await runConformanceCheck(connection, {
      requirementsVersion,
    });
    expect(result.snapshot.stats.apiRequests).toBe(c.requestCount());
    runs.set(key, result);
    return result;
  }

  it('uses aggregated discovery on a healthy cluster, within 40 requests and 3 waves after /version', async () => {
    const { snapshot, report } = await run('healthy');
    expect(snapshot.discovery).toMatchObject({
      source: 'aggregated',
      outcome: 'ok',
    });
    expect(snapshot.discovery.fallbackReason).toBeUndefined();
    expect(snapshot.stats.apiRequests).toBeLessThanOrEqual(40);
    expect(snapshot.stats.waves).toBeLessThanOrEqual(3);
    expect(report.requirements.filter(r => r.status === 'fail')).toEqual([]);
  });

  it.each(AGGREGATED_FAULTS.map(f => [f]))(
    'aggregated discovery %s: legacy discovery gives the same statuses, one wave more at most',
    async fault => {
      const healthy = await run('healthy');
      const { snapshot, report } = await run(`agg-${fault}`);
      expect(snapshot.discovery).toMatchObject({
        source: 'legacy',
        outcome: 'ok',
        failures: [],
      });
      expect(snapshot.discovery.fallbackReason).toMatch(
        {
          truncated: /\/api: the body is not valid JSON/,
          malformed: /\/api answered a malformed APIGroupDiscoveryList/,
          503: /\/api answered HTTP 503/,
          406: /\/api answered HTTP 406/,
          'wrong-content-type':
            /\/api sent an APIGroupDiscoveryList labelled "application\/json"/,
          'missing-groups':
            /aggregated discovery contradicts \/api and \/apis: it leaves out \d+ group version/,
        }[fault],
      );
      expect(statuses(report)).toEqual(statuses(healthy.report));
      expect(report.verdict).toBe(healthy.report.verdict);
      expect(snapshot.stats.waves).toBeLessThanOrEqual(
        healthy.snapshot.stats.waves + 1,
      );
      expect(report.findings).toContainEqual(
        expect.objectContaining({ id: 'discovery-fallback' }),
      );
    },
  );

  it('legacy discovery reads the resource lists checks inspect besides their reads (1.36 checklist)', async () => {
    const healthy = await run('healthy', '1.36');
    const { snapshot, report } = await run('agg-503', '1.36');
    expect(snapshot.discovery.source).toBe('legacy');
    // high_performance_networking looks for networking.gke.io resources it
    // does not read.
    const resourcesOf = (s: ClusterSnapshot) =>
      s.discovery.groups
        .find(g => g.name === 'networking.gke.io')
        ?.versions.flatMap(v => v.resources.map(r => r.name))
        .sort();
    expect(resourcesOf(healthy.snapshot)?.length).toBeGreaterThan(0);
    expect(resourcesOf(snapshot)).toEqual(resourcesOf(healthy.snapshot));
    expect(report.requirements.map(r => r.id)).toContain(
      'high_performance_networking',
    );
    expect(statuses(report)).toEqual(statuses(healthy.report));
    expect(report.requirements.map(r => r.evidence.length)).toEqual(
      healthy.report.requirements.map(r => r.evidence.length),
    );
  });

  it('dry-run probes find their resources after a fallback too', async () => {
    const probesOf = async (name: string) => {
      const c = sim.cluster(name);
      const snapshot = await collectSnapshot(
        await connectToCluster({
          type: 'explicit',
          name,
          url: c.server,
          caData: c.caData,
          token: c.token,
        }),
        { dryRunProbes: true },
      );
      return Object.fromEntries(
        Object.values(snapshot.probes).map(p => [p.id, p.outcome]),
      );
    };
    const healthy = await probesOf('healthy');
    expect(healthy['robust_controller:ray.io']).toBe('rejected');
    expect(await probesOf('agg-503')).toEqual(healthy);
  });

  it('falls back on the same statuses when an aggregated API group is down', async () => {
    const down = await run('adapter-down');
    const { snapshot, report } = await run('adapter-down-agg-503');
    expect(snapshot.discovery.source).toBe('legacy');
    expect(statuses(report)).toEqual(statuses(down.report));
  });

  it.each([['both-503'], ['both-malformed']])(
    'both kinds of discovery broken (%s): dependent requirements unknown, verdict incomplete, no fail',
    async name => {
      const healthy = await run('healthy');
      const { snapshot, report } = await run(name);
      expect(snapshot.discovery.outcome).not.toBe('ok');
      expect(snapshot.discovery.message).toMatch(
        /^API discovery failed: aggregated discovery: .+; legacy discovery: .+/,
      );
      expect(report.verdict).toBe('incomplete');
      expect(report.requirements.filter(r => r.status === 'fail')).toEqual([]);
      const dependent = report.requirements.filter(r =>
        r.errors.some(e => e.read === 'API discovery (/api, /apis)'),
      );
      expect(dependent.length).toBeGreaterThan(0);
      expect(dependent.every(r => r.status === 'unknown')).toBe(true);
      // Whatever changed from the healthy run became unknown, nothing else.
      const before = statuses(healthy.report);
      expect(
        report.requirements.filter(
          r => r.status !== before[r.id] && r.status !== 'unknown',
        ),
      ).toEqual([]);
      expect(report.findings.map(f => f.id)).toContain('discovery-failed');
    },
  );

  it('a malformed legacy resource list is a failure of that group version, not an empty group', async () => {
    const healthy = await run('healthy');
    const { snapshot, report } = await run('agg-503-apps-malformed');
    expect(snapshot.discovery.failures).toContainEqual(
      expect.objectContaining({
        groupVersion: 'apps/v1',
        outcome: 'error',
        message: expect.stringMatching(/malformed APIResourceList/),
      }),
    );
    expect(report.requirements.filter(r => r.status === 'fail')).toEqual([]);
    expect(statuses(report)).toEqual(statuses(healthy.report));
  });

  it.each([
    ['nodes-no-items', /malformed response, the list has no items array/],
    ['nodes-html', /malformed response, the body is not JSON .*text\/html/],
  ])(
    'a malformed node list (%s) is an error of that read: its dependents are unknown, never fail',
    async (name, message) => {
      const healthy = await run('healthy');
      const { snapshot, report } = await run(name);
      expect(snapshot.reads.nodes).toMatchObject({
        outcome: 'error',
        message: expect.stringMatching(message),
      });
      expect(snapshot.reads.nodes.items).toBeUndefined();
      const dependent = report.requirements.filter(r =>
        r.errors.some(e => message.test(e.message)),
      );
      expect(dependent.length).toBeGreaterThan(0);
      expect(dependent.every(r => r.status === 'unknown')).toBe(true);
      expect(report.requirements.filter(r => r.status === 'fail')).toEqual([]);
      const before = statuses(healthy.report);
      expect(
        report.requirements.filter(
          r => r.status !== before[r.id] && r.status !== 'unknown',
        ),
      ).toEqual([]);
    },
  );
});
