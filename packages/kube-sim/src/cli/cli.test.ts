import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { v1 } from '@google-cloud/container';

const bin = path.resolve(__dirname, '../../bin/kube-sim');

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', d => (out += d));
  child.stderr.on('data', d => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on(
      'data',
      () => out.includes('kube-sim ready') && resolve(out),
    );
    child.on('exit', code => reject(new Error(`exited with ${code}: ${out}`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>(resolve =>
    child.on('exit', code => resolve(code)),
  );
  return { child, ready, exited, output: () => out };
}

describe('kube-sim CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-cli-'));

  it('serves a scenario, writes its kubeconfig and exits cleanly on SIGTERM', async () => {
    const file = path.join(dir, 'vanilla.kubeconfig');
    const proc = run([
      'serve',
      '--scenario',
      'vanilla-1.36-cpu',
      '--kubeconfig',
      file,
    ]);
    const out = await proc.ready;
    expect(out).toMatch(/^kube-sim ready: 1 cluster$/m);
    expect(out).toContain(`kubeconfig: ${file}`);
    const kubeconfig = parse(fs.readFileSync(file, 'utf8'));
    expect(kubeconfig.clusters[0].cluster.server).toMatch(
      /^https:\/\/127\.0\.0\.1:\d+\/clusters\/vanilla-1\.36-cpu$/,
    );
    expect(kubeconfig.users[0].user.token).toMatch(/^ksim\./);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  }, 90_000);

  it('serves a fleet named <scenario>-<i> and exits cleanly on SIGINT', async () => {
    const fleetDir = path.join(dir, 'fleet');
    const proc = run([
      'fleet',
      '--count',
      '3',
      '--scenarios',
      'vanilla-1.36-cpu,eks-1.35',
      '--kubeconfig-dir',
      fleetDir,
    ]);
    const out = await proc.ready;
    expect(out).toMatch(/^kube-sim ready: 3 clusters in \d+ ms$/m);
    expect(fs.readdirSync(fleetDir).sort()).toEqual([
      'eks-1.35-1.kubeconfig',
      'kubeconfig',
      'vanilla-1.36-cpu-0.kubeconfig',
      'vanilla-1.36-cpu-2.kubeconfig',
    ]);
    const combined = parse(
      fs.readFileSync(path.join(fleetDir, 'kubeconfig'), 'utf8'),
    );
    expect(combined.contexts.map((c: { name: string }) => c.name)).toEqual([
      'vanilla-1.36-cpu-0',
      'eks-1.35-1',
      'vanilla-1.36-cpu-2',
    ]);
    proc.child.kill('SIGINT');
    expect(await proc.exited).toBe(0);
  }, 90_000);

  it('refuses an unknown scenario with the list of bundled ones', async () => {
    const proc = run(['serve', '--scenario', 'nope']);
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(
      /kube-sim: Unknown scenario "nope"; bundled scenarios: adapter-down, eks-1\.35/,
    );
  }, 90_000);

  it('demo --container-api-port serves the Container API double and names it in the app-config', async () => {
    const demoDir = path.join(dir, 'demo');
    const proc = run([
      'demo',
      '--dir',
      demoDir,
      '--container-api-port',
      '0',
      '--container-api-create-ms',
      '100',
    ]);
    const out = await proc.ready;
    expect(out).toMatch(/Container API: http:\/\/127\.0\.0\.1:\d+/);
    const config = parse(
      fs.readFileSync(path.join(demoDir, 'app-config.kube-sim.yaml'), 'utf8'),
    );
    const { endpoint, keyFile } = config.aiConformance.gke.containerApi;
    expect(keyFile).toBe(path.join(demoDir, 'container-api-credentials.json'));
    expect(
      JSON.parse(
        fs.readFileSync(
          path.join(demoDir, 'container-api-service-account.json'),
          'utf8',
        ),
      ).type,
    ).toBe('service_account');
    const url = new URL(endpoint);
    const client = new v1.ClusterManagerClient({
      apiEndpoint: url.hostname,
      port: Number(url.port),
      protocol: 'http',
      fallback: true,
      keyFilename: keyFile,
    });
    const [serverConfig] = await client.getServerConfig({
      name: 'projects/ai-platform-dev/locations/us-central1',
    });
    expect(serverConfig.validMasterVersions).toContain('1.34.0-gke.1662000');
    // what GOOGLE_APPLICATION_CREDENTIALS set to this file gives: a token from the double
    const auth = (
      client as unknown as { auth: { getAccessToken(): Promise<string> } }
    ).auth;
    expect(await auth.getAccessToken()).toMatch(/^ya29\.sim\./);
    await client.close();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  }, 90_000);
});
