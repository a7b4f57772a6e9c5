/**
 * `check --solutions FILE`, run as a child process against a kube-sim
 * cluster: a declared component is graded and labelled "declared"; a
 * declared component whose controller is missing fails its requirement; an
 * invalid file is a usage error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import { runCliProcess } from './__testUtils__/runCliProcess';

jest.setTimeout(120_000);

describe('ai-conformance --solutions (process)', () => {
  let sim: KubeSim;
  let dir: string;
  let kubeconfig: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-cli-solutions-'));
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'gke-1.34-conformant' }],
      kubeconfigDir: path.join(dir, 'kube'),
    });
    kubeconfig = sim.cluster('gke').kubeconfigPath!;
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const robust = (stdout: string) =>
    JSON.parse(stdout).requirements.find(
      (r: any) => r.id === 'robust_controller',
    );
  const check = (solutions: string) =>
    runCliProcess([
      'check',
      '--kubeconfig',
      kubeconfig,
      '-o',
      'json',
      '--fail-on',
      'none',
      '--quiet',
      '--solutions',
      solutions,
    ]);

  it('grades a declared operator and labels it declared', async () => {
    const file = write(
      'ok.yaml',
      [
        'solutions:',
        '  - name: Platform Ray',
        '    capability: ai-operator',
        '    group: ray.io',
        '    controller: { namespace: ray-system, name: kuberay-operator }',
      ].join('\n'),
    );
    const res = await check(file);
    expect(res.code).toBe(0);
    const r = robust(res.stdout);
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('Platform Ray (ray.io), declared');
  });

  it('fails a declared operator whose controller is not there', async () => {
    const file = write(
      'down.yaml',
      [
        '- name: Platform Ray',
        '  capability: ai-operator',
        '  group: ray.io',
        '  controller: { namespace: ray-system, name: platform-ray-manager }',
      ].join('\n'),
    );
    const res = await check(file);
    expect(res.code).toBe(0);
    const r = robust(res.stdout);
    // The declaration of ray.io takes the place of the known KubeRay entry.
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'its declared controller Deployment ray-system/platform-ray-manager does not exist',
    );
  });

  it('refuses an invalid declaration with exit code 3', async () => {
    const file = write('bad.yaml', '- name: x\n  capability: teleport\n');
    const res = await check(file);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/--solutions .*capability/);
  });
});
