/**
 * `check --active` and `cleanup` as child processes against kube-sim
 * clusters: healthy GKE 1.34 / 1.37, a broken switch, restricted RBAC, and a
 * run killed mid-way.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startKubeSim } from '@ai-conformance/kube-sim';
import type { KubeSim } from '@ai-conformance/kube-sim';
import { CLI_BIN, runCliProcess } from './__testUtils__/runCliProcess';
import { DEMO_METADATA } from './__testUtils__/reportFixtures';

jest.setTimeout(180_000);

const SELECTOR =
  'app.kubernetes.io/managed-by=ai-conformance,ai-conformance.io/run-id';
const FAST = ['--gang-observe', '2s', '--check-timeout', '60s'];

describe('ai-conformance check --active (process)', () => {
  let sim: KubeSim;
  let dir: string;
  const kc: Record<string, string> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-active-'));
    sim = await startKubeSim({
      clusters: [
        { name: 'gke134', scenario: 'gke-1.34-conformant' },
        { name: 'gke137', scenario: 'gke-1.37-conformant' },
        {
          name: 'leaks',
          scenario: 'gke-1.34-conformant',
          workloads: { isolation: 'leaks' },
        },
        { name: 'rbac', scenario: 'restricted-rbac' },
        { name: 'killed', scenario: 'gke-1.34-conformant' },
      ],
      kubeconfigDir: path.join(dir, 'kube'),
    });
    for (const c of sim.clusters) kc[c.name] = c.kubeconfigPath!;
  });

  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Objects carrying the active-run labels, listed through the API. */
  const labelled = async (name: string) => {
    const c = sim.cluster(name);
    const found: string[] = [];
    for (const p of [
      '/api/v1/namespaces',
      '/api/v1/pods',
      '/apis/batch/v1/jobs',
      '/apis/kueue.x-k8s.io/v1beta1/clusterqueues',
      '/apis/kueue.x-k8s.io/v1beta1/resourceflavors',
    ]) {
      const res = await fetchJson(c, p);
      found.push(...res.items.map((o: any) => `${p} ${o.metadata.name}`));
    }
    return found;
  };

  async function fetchJson(
    c: { server: string; token: string; caData: string },
    p: string,
  ) {
    const url = new URL(
      `${c.server}${p}?labelSelector=${encodeURIComponent(SELECTOR)}`,
    );
    return new Promise<any>((resolve, reject) => {
      https
        .get(
          url,
          {
            headers: { Authorization: `Bearer ${c.token}` },
            ca: Buffer.from(c.caData, 'base64'),
          },
          res => {
            const chunks: Buffer[] = [];
            res.on('data', d => chunks.push(d));
            res.on('end', () =>
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
            );
          },
        )
        .on('error', reject);
    });
  }

  /**
   * Starts `check --active` with a short run deadline and SIGKILLs it once
   * its stderr shows the gang being watched (objects exist then).
   */
  const killMidRun = async (
    deadline: string,
    signal: NodeJS.Signals = 'SIGKILL',
  ) => {
    const child = spawn(
      process.execPath,
      [CLI_BIN, 'check', '--kubeconfig', kc.killed, '--active'].concat([
        '--gang-observe',
        '60s',
        '--active-timeout',
        deadline,
        '-o',
        'json',
      ]),
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, KUBECONFIG: undefined, NO_COLOR: '1' },
      },
    );
    let stderr = '';
    let stdout = '';
    let sent = false;
    child.stdout.on('data', d => {
      stdout += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`never reached the gang: ${stderr}`)),
        60_000,
      );
      child.stderr.on('data', d => {
        stderr += d.toString();
        if (!sent && /gang_scheduling negative:/.test(stderr)) {
          sent = true;
          clearTimeout(timer);
          child.kill(signal);
          resolve();
        }
      });
    });
    const code = await new Promise<number | null>(r => child.on('close', r));
    return { code, stdout, stderr };
  };

  it.each([
    [
      'gke134',
      'v1.34',
      [
        'gang_scheduling',
        'cluster_autoscaling',
        'secure_accelerator_access',
        'robust_controller',
      ],
    ],
    [
      'gke137',
      'v1.37',
      [
        'gang_scheduling',
        'cluster_autoscaling',
        'secure_accelerator_access',
        'workload_sandboxing',
        'robust_controller',
      ],
    ],
  ])(
    'healthy %s: every active-capable requirement passes with active evidence and nothing labelled is left',
    async (name, version, ids) => {
      const r = await runCliProcess(
        ['check', '--kubeconfig', kc[name], '--active', ...FAST, '-o', 'json'],
        { timeoutMs: 120_000 },
      );
      expect(r.stderr).toContain(`conformant against checklist ${version}`);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      for (const id of ids) {
        const req = report.requirements.find((x: any) => x.id === id);
        expect([id, req.status, req.method]).toEqual([id, 'pass', 'active']);
        expect(req.evidence.length).toBeGreaterThan(2);
      }
      expect(report.verdict).toBe('conformant');
      expect(
        report.findings.find((f: any) => f.id === 'active-run').summary,
      ).toMatch(/ pass, 0 fail, 0 unknown/);
      // live progress, one line per step, on stderr only
      expect(r.stderr).toMatch(
        /\] active \d+\.\ds secure_accelerator_access create: pods aic-access-granted and aic-access-none/,
      );
      expect(r.stderr).toMatch(
        /\] active \d+\.\ds run cleanup: deleted \d+ object\(s\)/,
      );
      expect(r.stdout).not.toContain('] active');
      expect(await labelled(name)).toEqual([]);
    },
  );

  it('isolation: leaks fails secure_accelerator_access under --active while the passive run passes it', async () => {
    const passive = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.leaks,
      '-o',
      'json',
    ]);
    const before = JSON.parse(passive.stdout).requirements.find(
      (x: any) => x.id === 'secure_accelerator_access',
    );
    expect(before.status).toBe('pass');
    const r = await runCliProcess(
      ['check', '--kubeconfig', kc.leaks, '--active', ...FAST, '-o', 'json'],
      { timeoutMs: 120_000 },
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const req = report.requirements.find(
      (x: any) => x.id === 'secure_accelerator_access',
    );
    expect(req).toMatchObject({ status: 'fail', method: 'active' });
    expect(req.summary).toMatch(
      /container second of pod aic-access-granted has no grant but sees 1 device\(s\): GPU-/,
    );
    expect(req.notes.join('\n')).toContain('Passive check said: pass');
    expect(report.verdict).toBe('not-conformant');
    expect(await labelled('leaks')).toEqual([]);
  });

  it('restricted RBAC: names the missing verbs, creates nothing', async () => {
    const c = sim.cluster('rbac');
    c.resetCounters();
    const r = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.rbac,
      '--active',
      '-o',
      'json',
    ]);
    expect(r.stderr).toContain(
      'active checks not run, nothing created; missing permissions:',
    );
    expect(r.stderr).toMatch(/ {2}- create namespaces \(cluster-wide\)/);
    const report = JSON.parse(r.stdout);
    const req = report.requirements.find(
      (x: any) => x.id === 'gang_scheduling',
    );
    expect(req.status).toBe('unknown');
    expect(req.summary).toMatch(/create pods in aic-run-[0-9a-f]{8}/);
    const writes = c
      .requestLog()
      .filter(
        e =>
          e.method !== 'GET' && !e.path.endsWith('/selfsubjectaccessreviews'),
      );
    expect(writes).toEqual([]);
  });

  it('a run killed mid-way leaves labelled objects; cleanup removes them once its deadline passed', async () => {
    await killMidRun('5s');
    const left = await labelled('killed');
    expect(left.some(l => /namespaces aic-run-/.test(l))).toBe(true);
    expect(left.some(l => /clusterqueues aic-run-/.test(l))).toBe(true);

    // within its deadline the run may still be going: left alone
    const early = await runCliProcess(['cleanup', '--kubeconfig', kc.killed]);
    expect(early.code).toBe(0);
    expect(early.stdout).toMatch(
      /left Namespace aic-run-[0-9a-f]{8} \(run .* may still be going/,
    );

    await new Promise(r => setTimeout(r, 5500));
    const r = await runCliProcess(['cleanup', '--kubeconfig', kc.killed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/deleted Namespace aic-run-[0-9a-f]{8}/);
    expect(r.stdout).toMatch(/deleted ClusterQueue aic-run-[0-9a-f]{8}/);
    expect(await labelled('killed')).toEqual([]);
  });

  it('the next active run sweeps what a killed run left', async () => {
    await killMidRun('5s');
    expect((await labelled('killed')).length).toBeGreaterThan(0);
    await new Promise(r => setTimeout(r, 5500));
    const r = await runCliProcess(
      ['check', '--kubeconfig', kc.killed, '--active', ...FAST, '-o', 'json'],
      { timeoutMs: 120_000 },
    );
    expect(r.stderr).toMatch(
      /run sweep: deleted Namespace aic-run-[0-9a-f]{8}/,
    );
    expect(await labelled('killed')).toEqual([]);
  });

  it('Ctrl-C cancels the run, cleans up and still writes the report', async () => {
    const r = await killMidRun('60s', 'SIGINT');
    expect(r.stderr).toContain('cancelling the active run; cleaning up');
    expect(r.stderr).toMatch(/run cleanup: deleted \d+ object\(s\)/);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const gang = report.requirements.find(
      (x: any) => x.id === 'gang_scheduling',
    );
    expect(gang).toMatchObject({ status: 'unknown', method: 'active' });
    expect(gang.summary).toContain('the run was cancelled');
    expect(await labelled('killed')).toEqual([]);
  });

  it('refuses active-only flags without --active and malformed ones', async () => {
    const a = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.gke134,
      '--image',
      'cuda=x',
    ]);
    expect(a.code).toBe(3);
    expect(a.stderr).toContain('--image need --active');
    const b = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.gke134,
      '--active',
      '--image',
      'nvidia=x',
    ]);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain(
      'invalid --image "nvidia=x": use name=image with name one of toolbox, cuda, ray',
    );
    expect(await labelled('gke134')).toEqual([]);
  });

  it('--active-artifacts writes the run in go test formats; bundle cites it and validate accepts the bundle', async () => {
    const artifacts = path.join(dir, 'active-artifacts');
    const reportFile = path.join(dir, 'active-report.json');
    const r = await runCliProcess(
      [
        ...['check', '--kubeconfig', kc.gke137, '--active', ...FAST],
        ...['--active-artifacts', artifacts, '-o', 'json', '--out', reportFile],
      ],
      { timeoutMs: 120_000 },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `active run written to ${path.join(artifacts, 'junit.xml')}`,
    );
    const log = fs.readFileSync(path.join(artifacts, 'e2e.log'), 'utf8');
    expect(log).toContain(
      '--- PASS: TestAIConformanceActive/secure_accelerator_access/PositiveAccess',
    );
    expect(log).toMatch(/^ok {2}\tai-conformance\/active\t/m);
    expect(log).not.toMatch(/^\s*--- FAIL/m);
    const out = path.join(dir, 'repo');
    const meta = path.join(dir, 'meta.yaml');
    // JSON is YAML: the metadata file of `bundle --metadata`
    fs.writeFileSync(
      meta,
      JSON.stringify({
        metadata: {
          ...DEMO_METADATA,
          k8sConformanceUrl:
            'https://github.com/cncf/k8s-conformance/tree/master/v1.37/demo',
        },
      }),
    );
    const b = await runCliProcess([
      ...['bundle', '--report', reportFile, '--metadata', meta],
      ...['--product', 'demo', '--out', out, '--offline'],
    ]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(
      /own active tests \(active\/junit\.xml\) cited for: .*secure_accelerator_access/,
    );
    const product = fs.readFileSync(
      path.join(out, 'v1.37', 'demo', 'PRODUCT.yaml'),
      'utf8',
    );
    expect(product).toContain(
      'file://v1.37/demo/active/junit.xml#TestAIConformanceActive/gang_scheduling',
    );
    const v = await runCliProcess(
      ['validate', '--offline', 'v1.37/demo/PRODUCT.yaml'],
      { cwd: out },
    );
    expect(v.stdout).toBe(
      'v1.37/demo/PRODUCT.yaml: valid against checklist v1.37 (URLs not checked: --offline)\n',
    );
  });
});
