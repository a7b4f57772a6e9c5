import { startKubeSim } from '@ai-conformance/kube-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allChecks } from '../checks';
import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import { evaluate } from '../evaluate/evaluate';
import {
  reportSchemaErrors,
  snapshotSchemaErrors,
} from '../evaluate/__testUtils__/schemaValidators';
import { parseSnapshot } from '../snapshot/parseSnapshot';
import { collectSnapshot } from './collectSnapshot';
import { runConformanceCheck } from './runConformanceCheck';

jest.setTimeout(60_000);

type Sim = Awaited<ReturnType<typeof startKubeSim>>;

describe('collectSnapshot against kube-sim', () => {
  let sim: Sim;

  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        { name: 'hang', scenario: 'hanging' },
        { name: 'rbac', scenario: 'restricted-rbac' },
        { name: 'adapter', scenario: 'adapter-down' },
      ],
    });
  });

  afterAll(async () => {
    await sim?.stop();
  });

  const connect = (
    name: string,
    overrides: { token?: string; caData?: string } = {},
  ) => {
    const c = sim.cluster(name);
    return connectToCluster({
      type: 'explicit',
      name,
      url: c.server,
      caData: 'caData' in overrides ? overrides.caData : c.caData,
      token: overrides.token ?? c.token,
    });
  };

  it('collects in two waves after /version, without credentials, and evaluates the same after a JSON round trip', async () => {
    const cluster = sim.cluster('gke');
    cluster.resetCounters();
    const { snapshot, report } = await runConformanceCheck(
      await connect('gke'),
    );

    expect(snapshot.discovery.source).toBe('aggregated');
    expect(snapshot.stats.waves).toBeLessThanOrEqual(2);
    expect(snapshot.stats.apiRequests).toBe(cluster.requestCount());
    const json = JSON.stringify(snapshot);
    expect(json).not.toContain(cluster.token);
    expect(json).not.toContain(cluster.caData.slice(0, 40));
    expect(cluster.requestLog().some(r => /secrets/.test(r.path))).toBe(false);

    expect(report.cluster).toMatchObject({
      platform: 'gke',
      kubernetesVersion: 'v1.34.1-gke.1829001',
    });
    expect(report.requirementsVersion).toBe('1.34');
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        id: 'gke-certified-version',
        severity: 'info',
      }),
    );
    expect(report.cluster.accelerators.length).toBeGreaterThan(0);

    const file = path.join(os.tmpdir(), `aic-snapshot-${process.pid}.json`);
    fs.writeFileSync(file, json);
    let fromFile: unknown;
    try {
      fromFile = JSON.parse(fs.readFileSync(file, 'utf8'));
    } finally {
      fs.rmSync(file, { force: true });
    }
    const again = evaluate(parseSnapshot(fromFile));
    expect(again).toEqual(report);
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(snapshotSchemaErrors(fromFile)).toEqual([]);
  });

  it('ends by its deadline with unknown results when the server hangs', async () => {
    const started = Date.now();
    const { snapshot, report } = await runConformanceCheck(
      await connect('hang'),
      {
        deadlineMs: 1_500,
        requestTimeoutMs: 30_000,
      },
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(snapshot.stats.deadlineReached).toBe(true);
    expect(snapshot.discovery.outcome).toBe('timeout');
    const implemented = new Set(allChecks.map(c => c.id));
    expect(report.requirements.map(r => r.status)).toEqual(
      report.requirements.map(() => 'unknown'),
    );
    const withoutErrors = report.requirements.filter(
      r => implemented.has(r.id) && r.errors.length === 0,
    );
    expect(withoutErrors.map(r => r.id)).toEqual([]);
    expect(report.verdict).toBe('incomplete');
  });

  it('reports forbidden reads instead of guessing', async () => {
    const { snapshot, report } = await runConformanceCheck(
      await connect('rbac'),
    );
    const forbidden = Object.values(snapshot.reads).filter(
      r => r.outcome === 'forbidden',
    );
    expect(forbidden.length).toBeGreaterThan(0);
    expect(report.findings.map(f => f.id)).toContain('reads-forbidden');
  });

  it('records discovery failures of a down metrics adapter', async () => {
    const snapshot = await collectSnapshot(await connect('adapter'));
    expect(
      snapshot.discovery.failures.map(f => f.groupVersion).join(' '),
    ).toMatch(/custom\.metrics\.k8s\.io|external\.metrics\.k8s\.io/);
  });

  it('runs dry-run probes only when asked, after an access review', async () => {
    const cluster = sim.cluster('gke');
    const off = await collectSnapshot(await connect('gke'));
    expect(off.probes['robust_controller:ray.io']).toMatchObject({
      outcome: 'skipped',
    });

    cluster.resetCounters();
    const on = await collectSnapshot(await connect('gke'), {
      dryRunProbes: true,
    });
    expect(on.probes['robust_controller:ray.io']).toMatchObject({
      outcome: 'rejected',
      object: { kind: 'RayCluster', namespace: 'default' },
    });
    expect(on.probes['robust_controller:jobset.x-k8s.io']).toMatchObject({
      outcome: 'skipped',
    });
    const posts = cluster
      .requestLog()
      .filter(r => r.method === 'POST')
      .map(r => r.path);
    expect(posts.some(p => p.includes('selfsubjectaccessreviews'))).toBe(true);
    expect(posts.some(p => p.includes('rayclusters'))).toBe(true);
  });

  it('names the cause when TLS or credentials are wrong', async () => {
    await expect(
      collectSnapshot(await connect('gke', { token: 'wrong' })),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'unauthorized',
    });
    await expect(
      collectSnapshot(await connect('gke', { caData: undefined })),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'tls',
    });
  });
});
