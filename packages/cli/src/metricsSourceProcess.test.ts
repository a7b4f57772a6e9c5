/**
 * `check` and `collect` with --prometheus-url, run as child processes against
 * a kube-sim GKE cluster and a small Prometheus API double in this process.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { runCliProcess } from './__testUtils__/runCliProcess';

jest.setTimeout(120_000);

const TOKEN = 'prom-process-token-123';
const SERIES: Record<string, Array<Record<string, string>>> = {
  DCGM_FI_DEV_GPU_UTIL: [
    { gpu: '0', Hostname: 'gpu-a', cluster: 'gke' },
    { gpu: '1', Hostname: 'gpu-a', cluster: 'gke' },
  ],
  DCGM_FI_DEV_FB_USED: [
    { gpu: '0', Hostname: 'gpu-a', cluster: 'gke' },
    { gpu: '1', Hostname: 'gpu-a', cluster: 'gke' },
  ],
};

describe('ai-conformance with a metrics source (process)', () => {
  let sim: KubeSim;
  let prometheus: http.Server;
  let promUrl: string;
  let dir: string;
  let kubeconfig: string;
  const seen: Array<{ auth?: string; query: string | null }> = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-cli-metrics-'));
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
      kubeconfigDir: path.join(dir, 'kube'),
    });
    kubeconfig = sim.cluster('gke').kubeconfigPath!;
    prometheus = http.createServer((req, res) => {
      const query = new URL(req.url!, 'http://x').searchParams.get('query');
      seen.push({ auth: req.headers.authorization, query });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'error', error: 'unauthorized' }));
        return;
      }
      const metric = (query ?? '').split('{')[0];
      const result = (SERIES[metric] ?? []).map(labels => ({
        metric: { __name__: metric, ...labels },
        value: [1, '5'],
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result },
        }),
      );
    });
    await new Promise<void>(r => prometheus.listen(0, '127.0.0.1', r));
    promUrl = `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(r => prometheus?.close(r));
    await sim?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** `check -o json` against the sim with the fake Prometheus as source. */
  const checkJson = (...extra: string[]) => [
    'check',
    '--kubeconfig',
    kubeconfig,
    '-o',
    'json',
    '--fail-on',
    'none',
    '--prometheus-url',
    promUrl,
    ...extra,
  ];

  const accelerator = (stdout: string) =>
    JSON.parse(stdout).requirements.find(
      (r: any) => r.id === 'accelerator_metrics',
    );

  it('check judges accelerator_metrics on the sampled series', async () => {
    const res = await runCliProcess(
      checkJson(
        '--prometheus-token-env',
        'PROM_TOKEN',
        '--prometheus-matcher',
        'cluster=gke',
      ),
      { env: { PROM_TOKEN: TOKEN } },
    );
    expect(res.code).toBe(0);
    expect(seen.map(s => s.query)).toContain(
      'DCGM_FI_DEV_GPU_UTIL{cluster="gke"}',
    );
    const result = accelerator(res.stdout);
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      description: `Accelerator metrics in Prometheus-compatible API at ${promUrl} (auth bearer)`,
      fields: {
        utilizationMetrics: 'DCGM_FI_DEV_GPU_UTIL',
        memoryMetrics: 'DCGM_FI_DEV_FB_USED',
        deviceLabelValues: 'gpu-a gpu=0, gpu-a gpu=1',
        devices: 2,
      },
    });
    expect(res.stdout + res.stderr).not.toContain(TOKEN);
  });

  it('keeps the passive verdict with a note when the source refuses', async () => {
    const res = await runCliProcess(checkJson());
    expect(res.code).toBe(0);
    const result = accelerator(res.stdout);
    expect(result.status).toBe('pass');
    expect(result.evidence[0].object.kind).toBe('DaemonSet');
    expect(result.notes.join(' ')).toMatch(/could not be read: HTTP 401/);
  });

  it('collect stores the sample in the snapshot, and evaluate uses it', async () => {
    const snap = path.join(dir, 'snapshot.json');
    const collect = await runCliProcess(
      [
        'collect',
        '--kubeconfig',
        kubeconfig,
        '--out',
        snap,
        '--prometheus-url',
        promUrl,
        '--prometheus-token-env',
        'PROM_TOKEN',
      ],
      { env: { PROM_TOKEN: TOKEN } },
    );
    expect(collect.code).toBe(0);
    const text = fs.readFileSync(snap, 'utf8');
    expect(text).not.toContain(TOKEN);
    const snapshot = JSON.parse(text);
    expect(snapshot.metrics.samples).toHaveLength(4);
    const evaluated = await runCliProcess([
      'evaluate',
      snap,
      '-o',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(evaluated.code).toBe(0);
    expect(accelerator(evaluated.stdout).evidence[0].fields.devices).toBe(2);
  });

  it('refuses a matcher without a URL as a usage error', async () => {
    const res = await runCliProcess([
      'check',
      '--kubeconfig',
      kubeconfig,
      '--prometheus-matcher',
      'cluster=gke',
    ]);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/need --prometheus-url/);
  });
});
