import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from '../cluster/connectToCluster';
import { loadClientNode } from '../cluster/loadClientNode';
import type { SnapshotMetrics } from '../snapshot/types';
import { collectClusterSnapshot } from './collectClusterSnapshot';
import { runConformanceCheck } from './runConformanceCheck';

jest.setTimeout(60_000);

const SOURCE = 'Prometheus-compatible API at http://prom:9090 (auth none)';

describe('the run pipeline against kube-sim', () => {
  let sim: KubeSim;

  beforeAll(async () => {
    await loadClientNode();
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
    });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  const connect = () => {
    const c = sim.cluster('gke');
    return connectToCluster({
      type: 'explicit',
      name: 'gke',
      url: c.server,
      caData: c.caData,
      token: c.token,
    });
  };

  it('samples the metrics source within the per-request time and puts the sample in the snapshot', async () => {
    const sample: SnapshotMetrics = {
      source: SOURCE,
      sampledAt: new Date().toISOString(),
      samples: [],
      queried: ['DCGM_FI_DEV_GPU_UTIL'],
    };
    const controller = new AbortController();
    const sampleMetrics = jest.fn(async () => sample);
    const snapshot = await collectClusterSnapshot(await connect(), {
      requestTimeoutMs: 7_000,
      deadlineMs: 5_000,
      signal: controller.signal,
      sampleMetrics,
    });
    expect(sampleMetrics).toHaveBeenCalledWith({
      timeoutMs: 5_000,
      signal: controller.signal,
    });
    expect(snapshot.metrics).toEqual(sample);
    expect(snapshot.reads).not.toEqual({});
  });

  it('keeps collecting when the metrics source throws, and says why', async () => {
    const snapshot = await collectClusterSnapshot(await connect(), {
      sampleMetrics: async () => {
        throw new Error('connect ECONNREFUSED 10.0.0.9:9090');
      },
    });
    expect(snapshot.metrics).toMatchObject({
      source: 'the configured metrics source',
      error: 'connect ECONNREFUSED 10.0.0.9:9090',
    });
    expect(snapshot.version.outcome).toBe('ok');
  });

  it('leaves metrics out without a sampler', async () => {
    const snapshot = await collectClusterSnapshot(await connect());
    expect(snapshot.metrics).toBeUndefined();
  });

  it('reports progress through evaluate and evaluates against the checklist asked for', async () => {
    const phases: string[] = [];
    let lastTotal = 0;
    let evaluateEvent: { done: number; total: number } | undefined;
    const { snapshot, report } = await runConformanceCheck(await connect(), {
      requirementsVersion: '1.34',
      certifiedVersions: Promise.resolve({ products: [], loadedFrom: 'test' }),
      onProgress: p => {
        if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
        if (p.phase === 'evaluate') evaluateEvent = p;
        else lastTotal = Math.max(lastTotal, p.total);
      },
    });
    expect(phases[phases.length - 1]).toBe('evaluate');
    expect(phases).toContain('reads');
    expect(evaluateEvent).toEqual({
      phase: 'evaluate',
      done: lastTotal,
      total: lastTotal,
    });
    expect(report.requirementsVersion).toBe('1.34');
    expect(report.requirements.length).toBeGreaterThan(0);
    expect(snapshot.metrics).toBeUndefined();
  });

  it('fails the run when the certified-versions lookup fails', async () => {
    await expect(
      runConformanceCheck(await connect(), {
        certifiedVersions: Promise.reject(new Error('lookup failed')),
      }),
    ).rejects.toThrow('lookup failed');
  });
});
