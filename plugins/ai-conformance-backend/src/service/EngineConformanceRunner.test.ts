import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import type { SnapshotMetrics } from '@ai-conformance/plugin-ai-conformance-node';
import { runOptions as options } from '../__testUtils__/runOptions';
import { simTarget } from '../__testUtils__/simClustersConfig';
import type { ClusterTarget } from './ClusterTarget';
import { EngineConformanceRunner } from './EngineConformanceRunner';

jest.setTimeout(60_000);

const SOURCE = 'Prometheus-compatible API at http://prom:9090 (auth none)';
const ENTITY = 'resource:default/gke';

describe('EngineConformanceRunner with a metrics source', () => {
  let sim: KubeSim;
  let target: ClusterTarget;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
    });
    target = simTarget(sim, 'gke');
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const acceleratorMetrics = (
    report: Awaited<ReturnType<EngineConformanceRunner['run']>>,
  ) => report.requirements.find(r => r.id === 'accelerator_metrics')!;

  it('passes the sample of the run’s entity to the checks, where it decides', async () => {
    const calls: Array<{ entityRef: string; signal: AbortSignal }> = [];
    const runner = new EngineConformanceRunner({
      sampleMetrics: async (entityRef, { signal }) => {
        calls.push({ entityRef, signal });
        // Utilization only: the official rules need a memory metric too.
        return {
          source: SOURCE,
          sampledAt: new Date().toISOString(),
          samples: [
            {
              name: 'DCGM_FI_DEV_GPU_UTIL',
              labels: { gpu: '0', Hostname: 'gke-l4-pool-0' },
            },
          ],
        } satisfies SnapshotMetrics;
      },
    });
    const signal = new AbortController().signal;
    const result = acceleratorMetrics(
      await runner.run(target, options({ entityRef: ENTITY, signal })),
    );
    expect(calls).toEqual([{ entityRef: ENTITY, signal }]);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(/no per-device memory metric/);
    expect(result.evidence[0]).toMatchObject({
      description: `Accelerator metrics in ${SOURCE}`,
      fields: expect.objectContaining({
        utilizationMetrics: 'DCGM_FI_DEV_GPU_UTIL',
        deviceLabelValues: 'gke-l4-pool-0 gpu=0',
      }),
    });
  });

  it('finishes the run on passive evidence when sampling throws', async () => {
    const runner = new EngineConformanceRunner({
      sampleMetrics: async () => {
        throw new Error('token endpoint unreachable');
      },
    });
    const report = await runner.run(target, options({ entityRef: ENTITY }));
    const result = acceleratorMetrics(report);
    expect(result.status).toBe('pass');
    expect(result.notes).toContain(
      'The metrics source (the configured metrics source) could not be read: token endpoint unreachable. The result rests on passive evidence.',
    );
  });

  it('does not sample without an entity ref or a sampler', async () => {
    const sampleMetrics = jest.fn();
    const runner = new EngineConformanceRunner({ sampleMetrics });
    const result = acceleratorMetrics(await runner.run(target, options()));
    expect(sampleMetrics).not.toHaveBeenCalled();
    expect(result.status).toBe('pass');
    // Only the standing passive note; none about a sampled source.
    expect(
      result.notes?.filter(n => n.startsWith('The metrics source')),
    ).toEqual([]);

    const plain = acceleratorMetrics(
      await new EngineConformanceRunner().run(
        target,
        options({ entityRef: ENTITY }),
      ),
    );
    expect(plain.status).toBe('pass');
    expect(plain.evidence[0].object?.kind).toBe('DaemonSet');
  });

  it('grades the site-declared components and labels them declared', async () => {
    const runner = new EngineConformanceRunner({
      solutions: [
        {
          name: 'Platform Ray',
          capability: 'ai-operator',
          group: 'ray.io',
          controller: {
            namespace: 'ray-system',
            name: 'kuberay-operator',
            kind: 'Deployment',
          },
        },
      ],
    });
    const report = await runner.run(target, options());
    const robust = report.requirements.find(r => r.id === 'robust_controller')!;
    expect(robust.status).toBe('pass');
    expect(robust.summary).toContain('Platform Ray (ray.io), declared');
    expect(
      robust.evidence.some(e => e.fields?.recognition === 'declared'),
    ).toBe(true);
  });
});
