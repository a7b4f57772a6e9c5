import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { runOptions as options } from '../__testUtils__/runOptions';
import {
  activeRunObjects,
  createRunNamespace,
  simKubeClient,
  simTarget,
} from '../__testUtils__/simClustersConfig';
import { EngineConformanceRunner } from './EngineConformanceRunner';

jest.setTimeout(120_000);

const RUN_ID = '3f9c2a10-0000-4000-8000-000000000001';

const FAST = {
  images: {},
  pollIntervalMs: 100,
  gangObserveMs: 2000,
  checkDeadlineMs: 30_000,
  deadlineMs: 90_000,
  cleanupTimeoutMs: 30_000,
};

describe('EngineConformanceRunner in active mode', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        {
          name: 'stuck',
          scenario: 'gke-1.34-conformant',
          workloads: { autoscaler: 'stuck' },
        },
      ],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const target = (name: string) => simTarget(sim, name);
  /** Namespaces and pods of active runs still on the cluster. */
  const labelled = async (name: string) => {
    const client = await simKubeClient(sim, name);
    const found = [
      ...(await activeRunObjects(client)),
      ...(await activeRunObjects(client, '/api/v1/pods')),
    ];
    return { client, found };
  };

  it('runs the active checks after the passive one, shows each step as the phase and sweeps its namespace', async () => {
    const runner = new EngineConformanceRunner({ active: FAST });
    const phases: Array<{ phase: string; done: number; total: number }> = [];
    const report = await runner.run(
      target('gke'),
      options({
        mode: 'active',
        runId: RUN_ID,
        onProgress: p => phases.push(p),
      }),
    );
    const active = report.requirements.filter(r => r.method === 'active');
    expect(active.map(r => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        ['secure_accelerator_access', 'pass'],
        ['gang_scheduling', 'pass'],
        ['robust_controller', 'pass'],
        ['cluster_autoscaling', 'pass'],
      ]),
    );
    const access = active.find(r => r.id === 'secure_accelerator_access')!;
    expect(access.evidence.map(e => e.description).join('\n')).toMatch(
      /Objects created: .*Namespace|Pod/,
    );
    const names = phases.map(p => p.phase);
    expect(names).toEqual(
      expect.arrayContaining([
        'active: preflight',
        'active: namespace',
        'active secure_accelerator_access: start',
        'active gang_scheduling: done',
        'active: cleanup',
      ]),
    );
    // passive phases come first; done never passes total, and grows
    expect(names.indexOf('active: preflight')).toBeGreaterThan(0);
    const last = phases[phases.length - 1];
    expect(last.done).toBe(last.total);
    for (let i = 1; i < phases.length; i++) {
      expect(phases[i].done).toBeGreaterThanOrEqual(phases[i - 1].done);
    }
    expect((await labelled('gke')).found).toEqual([]);
  });

  it('keeps the passive report of a passive run (no active step)', async () => {
    const runner = new EngineConformanceRunner({ active: FAST });
    const phases: string[] = [];
    const report = await runner.run(
      target('gke'),
      options({ onProgress: p => phases.push(p.phase) }),
    );
    expect(report.requirements.some(r => r.method === 'active')).toBe(false);
    expect(phases.some(p => p.startsWith('active'))).toBe(false);
  });

  it('honours the active deadline: a stuck autoscaler is unknown and the run ends in time', async () => {
    const runner = new EngineConformanceRunner({
      active: { ...FAST, deadlineMs: 12_000, checkDeadlineMs: 60_000 },
    });
    const started = Date.now();
    const report = await runner.run(
      target('stuck'),
      options({ mode: 'active', runId: RUN_ID }),
    );
    const elapsed = Date.now() - started;
    const autoscaling = report.requirements.find(
      r => r.id === 'cluster_autoscaling',
    )!;
    expect(autoscaling.method).toBe('active');
    expect(autoscaling.status).toBe('unknown');
    // 12 s of active checks plus passive check and cleanup, far from 60 s
    expect(elapsed).toBeLessThan(45_000);
    expect((await labelled('stuck')).found).toEqual([]);
  });

  it('cleans up when the run is cancelled during an active check', async () => {
    const runner = new EngineConformanceRunner({ active: FAST });
    const controller = new AbortController();
    const phases: string[] = [];
    const report = await runner.run(
      target('gke'),
      options({
        mode: 'active',
        runId: RUN_ID,
        signal: controller.signal,
        onProgress: p => {
          phases.push(p.phase);
          if (p.phase === 'active secure_accelerator_access: start') {
            controller.abort(new Error('The backend is stopping'));
          }
        },
      }),
    );
    const gang = report.requirements.find(r => r.id === 'gang_scheduling')!;
    expect(gang).toMatchObject({ method: 'active', status: 'unknown' });
    expect(gang.summary).toMatch(/cancelled/);
    expect(phases).toContain('active: cleanup');
    expect((await labelled('gke')).found).toEqual([]);
  });

  it('cleanupActiveRun removes what a run left, found by its run id, before its deadline passed', async () => {
    const { client } = await labelled('gke');
    const left = await createRunNamespace(client, RUN_ID);
    expect((await labelled('gke')).found).toEqual([left]);
    const runner = new EngineConformanceRunner({ active: FAST });
    const swept = await runner.cleanupActiveRun(target('gke'), RUN_ID);
    expect(swept).toEqual({ deleted: [`Namespace ${left}`], errors: [] });
    expect((await labelled('gke')).found).toEqual([]);
  });
});
