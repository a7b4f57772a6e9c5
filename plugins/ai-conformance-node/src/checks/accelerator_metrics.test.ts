import { acceleratorMetricsCheck } from './accelerator_metrics';
import { failedRead, run } from './lib/testing/snapshotFixture';
import { daemonSet, gpuNode, node } from './lib/testing/objectFactories';

const dcgm = (ready: number) =>
  daemonSet('gke-managed-system', 'dcgm-exporter', { desired: 2, ready });

describe('accelerator_metrics', () => {
  it('passes when the DCGM exporter is ready on the GPU nodes', () => {
    const r = run(
      acceleratorMetricsCheck,
      {
        reads: { nodes: [gpuNode('g1'), gpuNode('g2')], daemonsets: [dcgm(2)] },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].object).toMatchObject({
      kind: 'DaemonSet',
      name: 'dcgm-exporter',
      namespace: 'gke-managed-system',
    });
    expect(r.evidence[0].fields?.['status.numberReady']).toBe(2);
  });

  it('is partial when only some exporter pods are ready, fail when none is', () => {
    const nodes = [gpuNode('g1'), gpuNode('g2')];
    expect(
      run(acceleratorMetricsCheck, { reads: { nodes, daemonsets: [dcgm(1)] } })
        .status,
    ).toBe('partial');
    expect(
      run(acceleratorMetricsCheck, { reads: { nodes, daemonsets: [dcgm(0)] } })
        .status,
    ).toBe('fail');
  });

  it('fails when GPU nodes have no exporter, with GKE remediation first', () => {
    const r = run(
      acceleratorMetricsCheck,
      { reads: { nodes: [gpuNode('g1')], daemonsets: [] } },
      { platform: 'gke' },
    );
    expect(r.status).toBe('fail');
    expect(r.remediation[0].command).toContain('--monitoring=SYSTEM,DCGM');
  });

  it('fails on a CPU-only cluster without an exporter; partial with one installed', () => {
    expect(
      run(acceleratorMetricsCheck, {
        reads: { nodes: [node('c')], daemonsets: [] },
      }).status,
    ).toBe('fail');
    const idle = daemonSet('monitoring', 'dcgm-exporter', {
      desired: 0,
      ready: 0,
    });
    expect(
      run(acceleratorMetricsCheck, {
        reads: { nodes: [node('c')], daemonsets: [idle] },
      }).status,
    ).toBe('partial');
  });

  it('is unknown when DaemonSets cannot be listed', () => {
    const r = run(acceleratorMetricsCheck, {
      reads: {
        nodes: [gpuNode('g1')],
        daemonsets: failedRead('forbidden', 'list apps/v1 daemonsets', 403),
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe('needs list on daemonsets.apps');
  });
});
