/**
 * `validate` and `bundle` run as a user runs them (bin/ai-conformance in a
 * child process), on GKE's accepted v1.37 submission and on bundles.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { DEMO_METADATA, makeReport } from './__testUtils__/reportFixtures';
import { runCliProcess } from './__testUtils__/runCliProcess';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'validate', '__fixtures__');
const GKE = path.join(FIXTURES, 'cncf-v1.37-gke');
const GKE_FAILING = path.join(FIXTURES, 'cncf-v1.37-gke-failing');

const METADATA = {
  ...DEMO_METADATA,
  k8sConformanceUrl:
    'https://github.com/cncf/k8s-conformance/tree/master/v1.37/demo',
};

describe('validate and bundle (process)', () => {
  let dir: string;
  let reportFile: string;
  let metadataFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-bundle-'));
    reportFile = path.join(dir, 'report.json');
    fs.writeFileSync(reportFile, JSON.stringify(makeReport('1.37')));
    metadataFile = path.join(dir, 'metadata.yaml');
    fs.writeFileSync(metadataFile, stringify({ metadata: METADATA }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundle = (out: string, official: string) =>
    runCliProcess([
      'bundle',
      '--report',
      reportFile,
      '--metadata',
      metadataFile,
      '--product',
      'demo',
      '--out',
      out,
      '--official-results',
      official,
      '--offline',
    ]);

  const validateIn = (cwd: string, file: string) =>
    runCliProcess(['validate', '--offline', file], { cwd });

  it("accepts GKE's accepted v1.37 submission from the repository root", async () => {
    const run = await validateIn(GKE, 'v1.37/gke/PRODUCT.yaml');
    expect(run.stdout).toBe(
      'v1.37/gke/PRODUCT.yaml: valid against checklist v1.37 (URLs not checked: --offline)\n',
    );
    expect(run.code).toBe(0);
  });

  it('rejects the failing copy of those artifacts, naming the failed and skipped tests', async () => {
    const run = await validateIn(GKE_FAILING, 'v1.37/gke/PRODUCT.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "v1.37/gke/PRODUCT.yaml: evidence for 'gang_scheduling': test TestGangScheduling failed in v1.37/gke/junit.xml",
    );
    expect(run.stdout).toContain(
      'test TestAcceleratorClusterAutoscaling was skipped in v1.37/gke/junit.xml',
    );
    expect(run.stderr).toMatch(/is not valid against checklist v1\.37/);
  });

  it('writes a bundle that validate accepts when every MUST passes', async () => {
    const out = path.join(dir, 'passing');
    const made = await bundle(out, path.join(GKE, 'v1.37', 'gke'));
    expect(made.stderr).toMatch(/official checklist not loaded \(--offline\)/);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(
      'official tests cited for: gang_scheduling, cluster_autoscaling, secure_accelerator_access\n',
    );
    const folder = path.join(out, 'v1.37', 'demo');
    for (const name of [
      'PRODUCT.yaml',
      'junit.xml',
      'results.json',
      'e2e.log',
    ]) {
      expect(fs.existsSync(path.join(folder, name))).toBe(true);
    }
    const doc = parseYaml(
      fs.readFileSync(path.join(folder, 'PRODUCT.yaml'), 'utf8'),
    );
    const item = (id: string) =>
      Object.values(doc.spec as Record<string, any[]>)
        .flat()
        .find(i => i.id === id);
    expect(item('gang_scheduling').evidence).toEqual([
      'file://v1.37/demo/junit.xml#TestGangScheduling',
      'file://v1.37/demo/results.json#TestGangScheduling',
      'file://v1.37/demo/e2e.log',
      'https://docs.example.com/gang_scheduling',
    ]);
    expect(
      fs.existsSync(path.join(folder, 'evidence/gang_scheduling.md')),
    ).toBe(false);
    expect(item('robust_controller').evidence).toEqual([
      'https://docs.example.com/robust_controller',
      'file://v1.37/demo/evidence/robust_controller.md',
    ]);
    expect(
      fs.readFileSync(
        path.join(folder, 'evidence/robust_controller.md'),
        'utf8',
      ),
    ).toMatch(/^# robust_controller: /);
    const valid = await validateIn(out, 'v1.37/demo/PRODUCT.yaml');
    expect(valid.stdout).toBe(
      'v1.37/demo/PRODUCT.yaml: valid against checklist v1.37 (URLs not checked: --offline)\n',
    );
    expect(valid.code).toBe(0);
  });

  it('writes a bundle that validate rejects, naming the failing test, from failing artifacts', async () => {
    const out = path.join(dir, 'failing');
    const made = await bundle(out, path.join(GKE_FAILING, 'v1.37', 'gke'));
    expect(made.code).toBe(0);
    const run = await validateIn(out, 'v1.37/demo/PRODUCT.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /evidence for '[a-z_]+': test TestGangScheduling failed in v1\.37\/demo\/results\.json/,
    );
  });

  it('rejects a bundle whose file:// evidence points outside the product folder, naming the path', async () => {
    const out = path.join(dir, 'outside');
    expect((await bundle(out, path.join(GKE, 'v1.37', 'gke'))).code).toBe(0);
    const file = path.join(out, 'v1.37', 'demo', 'PRODUCT.yaml');
    fs.mkdirSync(path.join(out, 'v1.37', 'other'), { recursive: true });
    fs.copyFileSync(
      path.join(GKE, 'v1.37', 'gke', 'junit.xml'),
      path.join(out, 'v1.37', 'other', 'junit.xml'),
    );
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          'file://v1.37/demo/junit.xml#TestGangScheduling',
          'file://v1.37/other/junit.xml#TestGangScheduling',
        ),
    );
    const run = await validateIn(out, 'v1.37/demo/PRODUCT.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "evidence for 'gang_scheduling' points outside the product folder: file://v1.37/other/junit.xml#TestGangScheduling",
    );
  });
});

describe('bundle with the report of an active run (process)', () => {
  let dir: string;
  let metadataFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-bundle-active-'));
    metadataFile = path.join(dir, 'metadata.yaml');
    fs.writeFileSync(metadataFile, stringify({ metadata: METADATA }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A 1.37 report whose robust_controller was decided by an active check. */
  const activeReport = (outcome: 'pass' | 'fail') => {
    const report = makeReport('1.37');
    const r = report.requirements.find(x => x.id === 'robust_controller')!;
    r.method = 'active';
    r.status = outcome;
    r.evidence = [
      {
        description: `InvalidRejected: ${outcome} — ${
          outcome === 'pass'
            ? 'the webhook refused the invalid object'
            : 'the invalid object was created'
        }`,
        fields: { step: 'InvalidRejected', outcome },
      },
      {
        description: 'ValidReconciled: pass — status written',
        fields: { step: 'ValidReconciled', outcome: 'pass' },
      },
      ...r.evidence,
    ];
    return report;
  };

  const bundleOf = async (name: string, outcome: 'pass' | 'fail') => {
    const reportFile = path.join(dir, `${name}.json`);
    fs.writeFileSync(reportFile, JSON.stringify(activeReport(outcome)));
    const out = path.join(dir, name);
    const made = await runCliProcess([
      ...['bundle', '--report', reportFile, '--metadata', metadataFile],
      ...['--product', 'demo', '--out', out, '--offline'],
      ...['--official-results', path.join(GKE, 'v1.37', 'gke')],
    ]);
    expect(made.code).toBe(0);
    return { out, made };
  };

  it('cites our own active tests for a requirement no official test covers; validate accepts it', async () => {
    const { out, made } = await bundleOf('active-pass', 'pass');
    expect(made.stdout).toContain(
      'own active tests (active/junit.xml) cited for: robust_controller\n',
    );
    const folder = path.join(out, 'v1.37', 'demo');
    for (const name of ['junit.xml', 'results.json', 'e2e.log']) {
      expect(fs.existsSync(path.join(folder, 'active', name))).toBe(true);
    }
    const doc = parseYaml(
      fs.readFileSync(path.join(folder, 'PRODUCT.yaml'), 'utf8'),
    );
    const item = Object.values(doc.spec as Record<string, any[]>)
      .flat()
      .find(i => i.id === 'robust_controller');
    expect(item.evidence).toEqual([
      'file://v1.37/demo/active/junit.xml#TestAIConformanceActive/robust_controller',
      'file://v1.37/demo/active/results.json#TestAIConformanceActive/robust_controller',
      'file://v1.37/demo/active/e2e.log',
      'https://docs.example.com/robust_controller',
    ]);
    expect(
      fs.existsSync(path.join(folder, 'evidence/robust_controller.md')),
    ).toBe(false);
    expect(
      fs.readFileSync(path.join(folder, 'active', 'e2e.log'), 'utf8'),
    ).toContain(
      '--- PASS: TestAIConformanceActive/robust_controller/InvalidRejected',
    );
    const valid = await runCliProcess(
      ['validate', '--offline', 'v1.37/demo/PRODUCT.yaml'],
      { cwd: out },
    );
    expect(valid.stdout).toBe(
      'v1.37/demo/PRODUCT.yaml: valid against checklist v1.37 (URLs not checked: --offline)\n',
    );
    expect(valid.code).toBe(0);
  });

  it('a failed active test is cited, and validate rejects the bundle naming it', async () => {
    const { out } = await bundleOf('active-fail', 'fail');
    const run = await runCliProcess(
      ['validate', '--offline', 'v1.37/demo/PRODUCT.yaml'],
      { cwd: out },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "evidence for 'robust_controller': test TestAIConformanceActive failed in v1.37/demo/active/junit.xml",
    );
  });
});
