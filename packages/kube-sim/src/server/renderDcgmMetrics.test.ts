import http from 'node:http';
import { startKubeSim } from './startKubeSim';
import { renderDcgmMetrics } from './renderDcgmMetrics';
import type { GeneratedNode } from '../scenario/generateNodes';

function fetchText(
  url: string,
): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      })
      .on('error', reject);
  });
}

function sample(text: string, metric: string, gpu: string): number {
  const line = text
    .split('\n')
    .find(l => l.startsWith(`${metric}{gpu="${gpu}"`));
  return Number(line?.split(' ').pop());
}

describe('DCGM exporter endpoints', () => {
  it('serves one endpoint per GPU node in Prometheus text format', async () => {
    const sim = await startKubeSim({
      clusters: [
        { name: 'prod', scenario: 'gke-1.34-conformant' },
        { name: 'cpu', scenario: 'vanilla-1.36-cpu' },
      ],
    });
    try {
      const prod = sim.cluster('prod');
      expect(prod.metricsTargets).toHaveLength(3);
      expect(sim.cluster('cpu').metricsTargets).toEqual([]);
      const res = await fetchText(prod.metricsTargets[0]);
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.body).toContain('# TYPE DCGM_FI_DEV_GPU_UTIL gauge');
      expect(res.body).toMatch(
        /^DCGM_FI_DEV_FB_USED\{gpu="0",UUID="GPU-[0-9a-f-]{36}",.*modelName="NVIDIA L4",Hostname="gke-ai-prod-l4-pool-[^"]+".*\} \d+$/m,
      );
      const util = sample(res.body, 'DCGM_FI_DEV_GPU_UTIL', '0');
      expect(util).toBeGreaterThanOrEqual(0);
      expect(util).toBeLessThanOrEqual(100);
      expect(
        (await fetchText(`${sim.metricsUrl}/clusters/prod/nodes/nope/metrics`))
          .status,
      ).toBe(404);
    } finally {
      await sim.stop();
    }
  }, 60_000);

  it('moves values over time, one series per GPU', () => {
    const node = {
      name: 'n1',
      pool: 'p',
      labels: {},
      gpuModel: 'NVIDIA H100 80GB HBM3',
      gpus: 8,
      object: { metadata: { name: 'n1' } },
    } as GeneratedNode;
    const t0 = Date.UTC(2026, 0, 1);
    const a = renderDcgmMetrics(node, t0);
    const b = renderDcgmMetrics(node, t0 + 120_000);
    expect(
      a.split('\n').filter(l => l.startsWith('DCGM_FI_DEV_GPU_UTIL{')),
    ).toHaveLength(8);
    const values = (text: string) =>
      [0, 1, 2, 3].map(g => sample(text, 'DCGM_FI_DEV_GPU_UTIL', String(g)));
    expect(values(a)).not.toEqual(values(b));
    expect(
      sample(b, 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', '0'),
    ).toBeGreaterThan(sample(a, 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', '0'));
    expect(
      sample(a, 'DCGM_FI_DEV_FB_USED', '0') +
        sample(a, 'DCGM_FI_DEV_FB_FREE', '0'),
    ).toBe(81559);
  });
});
