import { acceleratorMetricsCheck } from './acceleratorMetricsCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { daemonSet, gpuNode, node } from './lib/__testUtils__/objectFactories';
import type { SnapshotMetricSample, SnapshotMetrics } from '../snapshot/types';

const dcgm = (ready: number) =>
  daemonSet('gke-managed-system', 'dcgm-exporter', { desired: 2, ready });

describe('accelerator_metrics', () => {
  it('recognises a vendor-named exporter by shape: aimed at GPU nodes, a metrics image', () => {
    const onGpuNodes = (name: string, image: string, ready: number) => {
      const ds = daemonSet('arms-prom', name, { desired: 2, ready });
      ds.spec = {
        template: {
          spec: {
            nodeSelector: { 'nvidia.com/gpu.present': 'true' },
            tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
            containers: [{ name: 'main', image }],
          },
        },
      };
      return ds;
    };
    const nodes = [gpuNode('g1'), gpuNode('g2')];
    const exporter = onGpuNodes(
      'ack-gpu-watch',
      'registry.example/acs/gpu-prometheus-exporter:v2.0.1',
      2,
    );
    const r = run(acceleratorMetricsCheck, {
      reads: { nodes, daemonsets: [exporter] },
    });
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('arms-prom/ack-gpu-watch');
    // A device plugin also runs on GPU nodes but exports no metrics.
    const plugin = onGpuNodes(
      'nvidia-device-plugin',
      'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
      2,
    );
    expect(
      run(acceleratorMetricsCheck, { reads: { nodes, daemonsets: [plugin] } })
        .status,
    ).toBe('fail');
  });

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

  describe('with a metrics source sample', () => {
    const SOURCE = 'Prometheus-compatible API at http://prom:9090 (auth none)';
    const dcgmSeries = (
      name: string,
      host: string,
      gpu: string,
    ): SnapshotMetricSample => ({
      name,
      labels: { Hostname: host, gpu, modelName: 'NVIDIA L4' },
    });
    const sample = (samples?: SnapshotMetricSample[], error?: string) =>
      ({
        source: SOURCE,
        sampledAt: '2026-01-01T00:00:01Z',
        ...(samples ? { samples } : {}),
        ...(error ? { error } : {}),
      } as SnapshotMetrics);
    const full = [
      dcgmSeries('DCGM_FI_DEV_GPU_UTIL', 'g1', '0'),
      dcgmSeries('DCGM_FI_DEV_GPU_UTIL', 'g2', '0'),
      dcgmSeries('DCGM_FI_DEV_FB_USED', 'g1', '0'),
      dcgmSeries('DCGM_FI_DEV_FB_USED', 'g2', '0'),
      dcgmSeries('DCGM_FI_DEV_GPU_TEMP', 'g1', '0'),
    ];
    const gpuNodes = [gpuNode('g1'), gpuNode('g2')];

    it('passes with the metric names and device label values as evidence', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: gpuNodes, daemonsets: [dcgm(2)] },
        metrics: sample(full),
      });
      expect(r.status).toBe('pass');
      expect(r.summary).toContain('DCGM_FI_DEV_GPU_UTIL');
      expect(r.summary).toContain('DCGM_FI_DEV_FB_USED');
      expect(r.summary).toContain('2 device(s)');
      expect(r.evidence[0]).toEqual({
        description: `Accelerator metrics in ${SOURCE}`,
        fields: expect.objectContaining({
          utilizationMetrics: 'DCGM_FI_DEV_GPU_UTIL',
          memoryMetrics: 'DCGM_FI_DEV_FB_USED',
          temperatureMetrics: 'DCGM_FI_DEV_GPU_TEMP',
          perDeviceLabels: 'gpu',
          devices: 2,
          deviceLabelValues: 'g1 gpu=0, g2 gpu=0',
          series: 5,
        }),
      });
      // The exporter DaemonSet stays as supporting evidence.
      expect(r.evidence[1].object?.name).toBe('dcgm-exporter');
    });

    it('passes on the sample even when the exporter DaemonSet is not found', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: gpuNodes, daemonsets: [] },
        metrics: sample(full),
      });
      expect(r.status).toBe('pass');
      expect(r.notes?.join(' ')).toMatch(/Passive evidence: No accelerator/);
    });

    it('fails when the utilization metric is absent, though the exporter runs', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: gpuNodes, daemonsets: [dcgm(2)] },
        metrics: sample(full.filter(s => !/UTIL/.test(s.name))),
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/no per-device utilization metric/);
      expect(r.summary).not.toMatch(/memory metric/);
      expect(r.evidence[0].fields?.utilizationMetrics).toBe('—');
      expect(r.remediation.length).toBeGreaterThan(0);
    });

    it('fails when the series carry no per-device label', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: gpuNodes, daemonsets: [dcgm(2)] },
        metrics: sample(
          full.map(s => ({ name: s.name, labels: { Hostname: 'g1' } })),
        ),
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/no metric has a per-device label/);
    });

    it('keeps the passive verdict when the source holds no DCGM series at all', () => {
      // Not scraped yet, or matchers for another cluster: not the cluster's fault.
      for (const [ready, status] of [
        [2, 'pass'],
        [0, 'fail'],
      ] as const) {
        const r = run(acceleratorMetricsCheck, {
          reads: { nodes: gpuNodes, daemonsets: [dcgm(ready)] },
          metrics: sample([]),
        });
        expect(r.status).toBe(status);
        expect(r.summary).toMatch(/Accelerator metrics exporter/);
        expect(r.notes?.join(' ')).toMatch(
          /holds no DCGM series for this cluster.*matchers select this cluster/,
        );
      }
    });

    it('keeps the passive verdict for non-NVIDIA accelerators without DCGM series', () => {
      const tpu = node('t1', {
        labels: { 'cloud.google.com/gke-tpu-accelerator': 'tpu-v5-lite' },
        allocatable: { 'google.com/tpu': '4' },
      });
      const tpuExporter = daemonSet('kube-system', 'tpu-metrics-exporter', {
        desired: 1,
        ready: 1,
      });
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: [tpu], daemonsets: [tpuExporter] },
        metrics: sample([]),
      });
      expect(r.status).toBe('pass');
      expect(r.summary).toMatch(/tpu-metrics-exporter/);
      expect(r.notes?.join(' ')).toMatch(/holds no DCGM series/);
    });

    it('keeps the passive verdict, with the reason, when the source could not be read', () => {
      for (const [ready, status] of [
        [2, 'pass'],
        [0, 'fail'],
      ] as const) {
        const r = run(acceleratorMetricsCheck, {
          reads: { nodes: gpuNodes, daemonsets: [dcgm(ready)] },
          metrics: sample(undefined, 'no answer within 5000 ms'),
        });
        expect(r.status).toBe(status);
        expect(r.notes).toContain(
          `The metrics source (${SOURCE}) could not be read: no answer within 5000 ms. The result rests on passive evidence.`,
        );
        expect(r.evidence.every(e => !e.description.includes(SOURCE))).toBe(
          true,
        );
      }
    });

    it('stays unknown when nodes cannot be listed and the sample does not pass', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: {
          nodes: failedRead('forbidden', 'list v1 nodes', 403),
          daemonsets: [dcgm(2)],
        },
        metrics: sample([]),
      });
      expect(r.status).toBe('unknown');
      expect(r.notes?.join(' ')).toMatch(/no accelerator node known/);
    });

    it('is partial when the source shows devices but the cluster lists no accelerator node', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: [node('c')], daemonsets: [] },
        metrics: sample(full),
      });
      expect(r.status).toBe('partial');
      expect(r.summary).toMatch(/matchers/);
    });

    it('lets a CPU-only cluster keep its passive verdict when the sample is empty', () => {
      const r = run(acceleratorMetricsCheck, {
        reads: { nodes: [node('c')], daemonsets: [] },
        metrics: sample([]),
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toMatch(/No accelerator nodes and no accelerator/);
      expect(r.notes?.join(' ')).toMatch(/passive verdict stands/);
    });
  });
});
