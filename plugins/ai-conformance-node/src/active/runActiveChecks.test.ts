import { FakeCluster, node } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { ActiveInconclusive } from './KubeOps';
import { runActiveChecks } from './runActiveChecks';
import type { ActiveCheck } from './types';

const RUN = '0123456789abcdef';

/** A check that creates one pod, then waits as told. */
function podCheck(
  wait: (ctx: Parameters<ActiveCheck['run']>[0]) => Promise<void>,
): ActiveCheck {
  return {
    id: 'secure_accelerator_access',
    creates: ['Pod aic-test'],
    permissions: [
      { group: '', resource: 'pods', verbs: ['create'], scope: 'run' },
      { group: '', resource: 'nodes', verbs: ['list'], scope: 'cluster' },
    ],
    deadlineMs: 60_000,
    async run(ctx) {
      ctx.step('create', 'pod aic-test');
      await ctx.kube.create(`/api/v1/namespaces/${ctx.namespace}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'aic-test',
          namespace: ctx.namespace,
          labels: ctx.labels,
        },
        spec: { containers: [] },
      });
      await wait(ctx);
      return {
        id: 'secure_accelerator_access',
        status: 'pass',
        summary: 'ok',
        evidence: [],
      };
    },
  };
}

describe('runActiveChecks', () => {
  it('creates nothing and lists every missing verb when the preflight finds gaps', async () => {
    const c = new FakeCluster();
    c.allow = a => a.verb !== 'create' && a.verb !== 'delete';
    const run = await runActiveChecks(c, { runId: RUN, pollIntervalMs: 5 });
    expect(run.missingPermissions).toEqual(
      expect.arrayContaining([
        'create namespaces (cluster-wide)',
        'create pods in aic-run-01234567',
        'create clusterqueues.kueue.x-k8s.io (cluster-wide)',
      ]),
    );
    expect(run.results.map(r => r.status)).toEqual(
      run.results.map(() => 'unknown'),
    );
    expect(run.results[0].summary).toContain('create pods in aic-run-01234567');
    expect(run.results[0].summary).toContain('nothing was created');
    expect(c.writes()).toEqual([]);
  });

  it('labels its namespace with the run id and an expiry, and deletes it at the end', async () => {
    const c = new FakeCluster();
    let ns: any;
    c.admit = o => {
      if (o.kind === 'Namespace') ns = o;
      return undefined;
    };
    const run = await runOne(
      c,
      podCheck(async () => {}),
      { deadlineMs: 60_000 },
    );
    expect(run.results[0].status).toBe('pass');
    expect(ns.metadata.name).toBe('aic-run-01234567');
    expect(ns.metadata.labels).toEqual({
      'app.kubernetes.io/managed-by': 'ai-conformance',
      'ai-conformance.io/run-id': RUN,
    });
    expect(
      Date.parse(ns.metadata.annotations['ai-conformance.io/expires-at']),
    ).toBeGreaterThan(Date.now());
    expect(run.cleanup.deleted).toEqual(['Namespace aic-run-01234567']);
    expect(labelled(c)).toEqual([]);
  });

  it('gives unknown at the check deadline and still cleans up', async () => {
    const c = new FakeCluster();
    const check = podCheck(ctx =>
      ctx.kube.waitFor('never', async () => undefined),
    );
    const run = await runOne(c, check, { checkDeadlineMs: 100 });
    expect(run.results[0].status).toBe('unknown');
    expect(run.results[0].summary).toContain(
      'deadline reached waiting for never',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('gives unknown when cancelled, and cleans up', async () => {
    const c = new FakeCluster();
    const controller = new AbortController();
    const check = podCheck(async ctx => {
      setTimeout(() => controller.abort(), 20);
      await ctx.kube.waitFor('never', async () => undefined);
    });
    const run = await runOne(c, check, { signal: controller.signal });
    expect(run.results[0].status).toBe('unknown');
    expect(run.results[0].summary).toContain('cancelled');
    expect(run.cancelled).toBe(true);
    expect(labelled(c)).toEqual([]);
  });

  it('turns an unexpected error into unknown, never fail', async () => {
    const c = new FakeCluster();
    const check = podCheck(async () => {
      throw new TypeError('boom');
    });
    const run = await runOne(c, check);
    expect(run.results[0]).toMatchObject({ status: 'unknown' });
    expect(run.results[0].summary).toContain('unexpected error: boom');
    const inconclusive = podCheck(async () => {
      throw new ActiveInconclusive('no capacity');
    });
    expect((await runOne(c, inconclusive)).results[0].summary).toContain(
      'no capacity',
    );
  });

  it('records the objects created and the steps with their times', async () => {
    const c = new FakeCluster();
    const run = await runOne(
      c,
      podCheck(async () => {}),
    );
    const text = run.results[0].evidence.map(e => e.description);
    expect(text).toContain('Objects created: Pod aic-run-01234567/aic-test');
    expect(
      text.some(t =>
        /^Steps of the active check \(\d+\.\d s in all\)$/.test(t),
      ),
    ).toBe(true);
    expect(run.results[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sweeps expired runs left by a killed process, and leaves runs that may still be going', async () => {
    const c = new FakeCluster();
    c.add('/api/v1/nodes', node('n'));
    const old = {
      'app.kubernetes.io/managed-by': 'ai-conformance',
      'ai-conformance.io/run-id': 'dead0000',
    };
    const live = { ...old, 'ai-conformance.io/run-id': 'live0000' };
    c.add('/api/v1/namespaces', {
      metadata: {
        name: 'aic-run-dead0000',
        labels: old,
        annotations: {
          'ai-conformance.io/expires-at': new Date(
            Date.now() - 1000,
          ).toISOString(),
        },
      },
    });
    c.add('/api/v1/namespaces/aic-run-dead0000/pods', {
      metadata: { name: 'p', namespace: 'aic-run-dead0000', labels: old },
    });
    c.add('/api/v1/namespaces', {
      metadata: {
        name: 'aic-run-live0000',
        labels: live,
        annotations: {
          'ai-conformance.io/expires-at': new Date(
            Date.now() + 60_000,
          ).toISOString(),
        },
      },
    });
    c.groups['kueue.x-k8s.io'] = {
      version: 'v1beta1',
      resources: ['clusterqueues', 'resourceflavors'],
    };
    c.add('/apis/kueue.x-k8s.io/v1beta1/clusterqueues', {
      metadata: { name: 'aic-run-dead0000', labels: old },
    });
    c.add('/apis/kueue.x-k8s.io/v1beta1/clusterqueues', {
      metadata: { name: 'aic-run-live0000', labels: live },
    });
    const progress: string[] = [];
    const run = await runActiveChecks(c, {
      checks: [podCheck(async () => {})],
      runId: RUN,
      pollIntervalMs: 5,
      onProgress: e => progress.push(`${e.check} ${e.step}: ${e.message}`),
    });
    expect(run.swept.deleted).toEqual([
      'Namespace aic-run-dead0000',
      'ClusterQueue aic-run-dead0000',
    ]);
    expect(run.swept.skipped[0]).toContain('aic-run-live0000');
    expect(
      labelled(c)
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual(['aic-run-live0000', 'aic-run-live0000']);
    expect(progress).toContain('run sweep: deleted Namespace aic-run-dead0000');
    expect(
      progress.some(p => p.startsWith('secure_accelerator_access done: pass')),
    ).toBe(true);
  });
});
