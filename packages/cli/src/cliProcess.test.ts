/**
 * Runs the ai-conformance command as a child process (bin/ai-conformance)
 * against kube-sim clusters started in this process.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Ajv from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml, stringify } from 'yaml';
import { kubeconfigYaml, startKubeSim } from '@ai-conformance/kube-sim';
import type { KubeSim } from '@ai-conformance/kube-sim';
import { runCliProcess } from './__testUtils__/runCliProcess';

jest.setTimeout(120_000);

const schema = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../docs/report.schema.json'),
    'utf8',
  ),
);
const validateSchema = new Ajv({
  allowUnionTypes: true,
  allErrors: true,
  validateFormats: false,
}).compile(schema);

function expectSchemaValid(value: unknown) {
  const ok = validateSchema(value);
  expect(validateSchema.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('ai-conformance (process)', () => {
  let sim: KubeSim;
  let dir: string;
  const kc: Record<string, string> = {};

  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-cli-'));
    sim = await startKubeSim({
      clusters: [
        { name: 'gke', scenario: 'gke-1.34-conformant' },
        { name: 'vanilla', scenario: 'vanilla-1.36-cpu' },
        { name: 'rbac', scenario: 'restricted-rbac' },
        { name: 'hang', scenario: 'hanging' },
      ],
      kubeconfigDir: path.join(dir, 'kube'),
    });
    for (const c of sim.clusters) kc[c.name] = c.kubeconfigPath!;
    const three = ['gke', 'vanilla', 'rbac'].map(n => sim.cluster(n));
    fs.writeFileSync(file('three.kubeconfig'), kubeconfigYaml(three));
    const gke = sim.cluster('gke');
    const broken = parseYaml(
      kubeconfigYaml([
        { ...gke, name: 'bad-token', token: 'not-a-valid-token' },
        { ...gke, name: 'no-ca' },
      ]),
    );
    delete broken.clusters[1].cluster['certificate-authority-data'];
    fs.writeFileSync(file('broken.kubeconfig'), stringify(broken));
    fs.writeFileSync(
      file('metadata.yaml'),
      stringify({
        metadata: {
          platformName: 'Demo Kubernetes Engine',
          platformVersion: '1.34.0',
          vendorName: 'Demo Vendor',
          websiteUrl: 'https://demo.example.com',
          documentationUrl: 'https://demo.example.com/docs',
          productLogoUrl: 'https://demo.example.com/logo.svg',
          description: 'A demo platform for tests.',
          contactEmailAddress: 'team@demo.example.com',
          k8sConformanceUrl:
            'https://github.com/cncf/k8s-conformance/tree/master/v1.34/demo',
        },
      }),
    );
  });

  afterAll(async () => {
    await sim?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A checklist in the official file format, in this test's own words. */
  function writeChecklistFixture(
    version: string,
    ids: Array<{ id: string; category: string; level: string }>,
  ) {
    const spec: Record<string, unknown[]> = {};
    for (const r of ids) {
      (spec[r.category] ??= []).push({
        id: r.id,
        description: `Fixture wording for ${r.id}.`,
        level: r.level,
        status: '',
        evidence: [],
        notes: '',
      });
    }
    const target = file(`checklist-${version}.yaml`);
    fs.writeFileSync(
      target,
      stringify({ metadata: { kubernetesVersion: `v${version}` }, spec }),
    );
    return target;
  }

  let gkeReport: any;

  it('reports a conformant cluster in every format with exit code 0 and a clean stdout', async () => {
    const args = [
      'check',
      '--kubeconfig',
      kc.gke,
      '--requirements-version',
      '1.34',
    ];
    const [json, table, junit] = await Promise.all([
      runCliProcess([...args, '--output', 'json']),
      runCliProcess(args),
      runCliProcess([...args, '-o', 'junit']),
    ]);
    const [ctrf, markdown] = await Promise.all([
      runCliProcess([...args, '-o', 'ctrf']),
      runCliProcess([...args, '-o', 'markdown', '--out', file('gke.md')]),
    ]);
    for (const r of [json, table, junit, ctrf, markdown]) {
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 0,
        stderr: expect.stringMatching(
          /^\[gke\] connecting to https:\/\/127\.0\.0\.1:\d+\/clusters\/gke$/m,
        ),
      });
      expect(r.stderr).not.toMatch(ANSI);
    }

    gkeReport = JSON.parse(json.stdout);
    expectSchemaValid(gkeReport);
    expect(gkeReport.verdict).toBe('conformant');
    expect(gkeReport.requirementsVersion).toBe('1.34');
    expect(gkeReport.requirements.map((r: any) => r.id)).toContain(
      'dra_support',
    );
    expect(json.stdout).not.toContain(sim.cluster('gke').token);

    expect(table.stdout).toMatch(/^Verdict\s+conformant$/m);
    expect(table.stdout).toMatch(/^dra_support\s+MUST\s+pass\s+/m);
    expect(table.stdout).toMatch(/MUST 9\/9 met/);
    expect(table.stdout).not.toMatch(ANSI);

    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: n => n === 'testcase' || n === 'testsuite',
    }).parse(junit.stdout);
    const suite = xml.testsuites.testsuite[0];
    expect(suite['@_name']).toBe('ai-conformance v1.34');
    expect(Number(suite['@_tests'])).toBe(gkeReport.requirements.length);
    expect(suite['@_failures']).toBe('0');
    expect(suite.testcase.map((t: any) => t['@_name'])).toContain(
      'gang_scheduling (MUST)',
    );

    const ctrfDoc = JSON.parse(ctrf.stdout);
    expect(ctrfDoc.results.summary.tests).toBe(gkeReport.requirements.length);
    expect(ctrfDoc.results.summary.failed).toBe(0);

    expect(markdown.stdout).toBe('');
    const md = fs.readFileSync(file('gke.md'), 'utf8');
    expect(md).toContain('# Kubernetes AI Conformance: gke');
    expect(md).toContain('- Checklist version: 1.34');
  });

  it('writes a PRODUCT.yaml draft that passes validate --offline for a conformant cluster', async () => {
    const checklist = writeChecklistFixture('1.34', gkeReport.requirements);
    const out = file('submission/v1.34/demo/PRODUCT.yaml');
    const draft = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.gke,
      '--requirements-version',
      '1.34',
      '-o',
      'product-yaml',
      '--out',
      out,
      '--metadata',
      file('metadata.yaml'),
      '--platform-version',
      '1.34.5',
      '--checklist',
      checklist,
    ]);
    expect(draft.code).toBe(0);
    const doc = parseYaml(fs.readFileSync(out, 'utf8'));
    expect(doc.metadata).toMatchObject({
      kubernetesVersion: 'v1.34',
      platformVersion: '1.34.5',
      vendorName: 'Demo Vendor',
    });
    expect(doc.spec.accelerators[0]).toMatchObject({
      id: 'dra_support',
      description: 'Fixture wording for dra_support.',
      level: 'MUST',
      status: 'Implemented',
    });
    const gang = doc.spec.schedulingOrchestration.find(
      (i: any) => i.id === 'gang_scheduling',
    );
    expect(gang.evidence).toContain('evidence/gang_scheduling.md');
    expect(
      fs.readFileSync(
        path.join(path.dirname(out), 'evidence/gang_scheduling.md'),
        'utf8',
      ),
    ).toMatch(/^# gang_scheduling: .*\n[\s\S]*- Result: \*\*pass\*\*/);
    const valid = await runCliProcess(['validate', out, '--offline']);
    expect(valid.stdout).toBe(
      `${out}: valid against checklist v1.34 (URLs not checked: --offline)\n`,
    );
    expect(valid.code).toBe(0);
  });

  it('exits 1 for a cluster that fails a MUST, names the failing ids, and --fail-on none exits 0', async () => {
    const out = file('vanilla/PRODUCT.yaml');
    const [ctrf, none, draft] = await Promise.all([
      runCliProcess([
        'check',
        '--kubeconfig',
        kc.vanilla,
        '-o',
        'ctrf',
        '--quiet',
      ]),
      runCliProcess([
        'check',
        '--kubeconfig',
        kc.vanilla,
        '-o',
        'json',
        '--fail-on',
        'none',
      ]),
      runCliProcess([
        'check',
        '--kubeconfig',
        kc.vanilla,
        '-o',
        'product-yaml',
        '--out',
        out,
        '--offline',
      ]),
    ]);
    const report = JSON.parse(none.stdout);
    expect(none.code).toBe(0);
    expect(report.verdict).toBe('not-conformant');
    const failing = report.requirements
      .filter((r: any) => r.level === 'MUST' && r.status === 'fail')
      .map((r: any) => r.id);
    expect(failing.length).toBeGreaterThan(0);

    expect(ctrf.code).toBe(1);
    // --quiet: no progress, only the one-line result
    expect(ctrf.stderr.split('\n')).toHaveLength(2);
    expect(
      ctrf.stderr.startsWith(
        `ai-conformance: vanilla: not-conformant against checklist v${
          report.requirementsVersion
        }; MUST failed: ${failing.join(', ')}`,
      ),
    ).toBe(true);
    const ctrfDoc = JSON.parse(ctrf.stdout);
    const failedTests = ctrfDoc.results.tests.filter(
      (t: any) => t.status === 'failed',
    );
    expect(failedTests.length).toBeGreaterThanOrEqual(failing.length);

    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(
      /metadata placeholders left for: platformName/,
    );
    expect(draft.stderr).toMatch(/not the official wording/);
    expect(fs.readFileSync(out, 'utf8')).toMatch(
      /^# NOTE: the descriptions below are ai-conformance summaries/m,
    );
    const invalid = await runCliProcess(['validate', out, '--offline']);
    expect(invalid.code).toBe(1);
    for (const id of failing) {
      expect(invalid.stdout).toContain(
        `requirement '${id}' is MUST but its status is 'Not Implemented'`,
      );
    }
    expect(invalid.stdout).toContain(
      'metadata field platformName has placeholder value: [Platform Name]',
    );
    expect(
      invalid.stdout
        .trim()
        .split('\n')
        .every(l => l.startsWith(`${out}: `)),
    ).toBe(true);
  });

  it('gates on SHOULDs only with --fail-on should', async () => {
    const args = [
      'check',
      '--kubeconfig',
      kc.gke,
      '--requirements-version',
      '1.36',
      '-q',
    ];
    const [must, should] = await Promise.all([
      runCliProcess([...args, '-o', 'json']),
      runCliProcess([...args, '-o', 'json', '--fail-on', 'should']),
    ]);
    const report = JSON.parse(must.stdout);
    expect(report.verdict).toBe('conformant');
    const failedShould = report.requirements
      .filter((r: any) => r.level === 'SHOULD' && r.status === 'fail')
      .map((r: any) => r.id);
    expect(failedShould.length).toBeGreaterThan(0);
    expect(must.code).toBe(0);
    expect(must.stderr).toBe('');
    expect(should.code).toBe(1);
    expect(should.stderr.split('\n')).toHaveLength(2);
    expect(should.stderr).toMatch(
      `ai-conformance: gke: conformant against checklist v1.36; SHOULD failed: ${failedShould.join(
        ', ',
      )}`,
    );
  });

  it('exits 2 when the checker cannot see enough (restricted RBAC)', async () => {
    const r = await runCliProcess([
      'check',
      '--kubeconfig',
      kc.rbac,
      '-o',
      'json',
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('incomplete');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ai-conformance: rbac: incomplete against checklist v[\d.]+; MUST undetermined: /m,
    );
  });

  it('checks every context with --all-contexts', async () => {
    const r = await runCliProcess([
      'check',
      '--kubeconfig',
      file('three.kubeconfig'),
      '--all-contexts',
      '-o',
      'json',
    ]);
    const entries = JSON.parse(r.stdout);
    expectSchemaValid(entries);
    expect(entries.map((e: any) => [e.context, e.report.verdict])).toEqual([
      ['gke', 'conformant'],
      ['vanilla', 'not-conformant'],
      ['rbac', 'incomplete'],
    ]);
    expect(r.code).toBe(1);
    for (const name of ['gke', 'vanilla', 'rbac']) {
      expect(r.stderr).toMatch(
        new RegExp(`^\\[${name}\\] connecting to `, 'm'),
      );
    }
  });

  it('exits 3 with a one-line cause for a bad kubeconfig, an unknown context, a 401 and a TLS failure', async () => {
    const [missing, unknown, broken] = await Promise.all([
      runCliProcess([
        'check',
        '--kubeconfig',
        file('nope.kubeconfig'),
        '--quiet',
      ]),
      runCliProcess([
        'check',
        '--kubeconfig',
        kc.gke,
        '--context',
        'nope',
        '--quiet',
      ]),
      runCliProcess([
        'check',
        '--kubeconfig',
        file('broken.kubeconfig'),
        '--all-contexts',
        '-o',
        'json',
        '--quiet',
      ]),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(
      `ai-conformance: Kubeconfig not found: ${file('nope.kubeconfig')}\n`,
    );
    expect(missing.stdout).toBe('');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe(
      'ai-conformance: Context "nope" not found in kubeconfig; available: gke\n',
    );

    expect(broken.code).toBe(3);
    const entries = JSON.parse(broken.stdout);
    expectSchemaValid(entries);
    expect(entries.map((e: any) => [e.context, e.error?.reason])).toEqual([
      ['bad-token', 'unauthorized'],
      ['no-ca', 'tls'],
    ]);
    const lines = broken.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^ai-conformance: bad-token: .*401 Unauthorized/),
      expect.stringMatching(
        /^ai-conformance: no-ca: TLS verification against no-ca .* failed: /,
      ),
    ]);
    expect(broken.stderr).not.toContain('not-a-valid-token');
  });

  it('stops at the --timeout deadline against a hanging server', async () => {
    const r = await runCliProcess(
      ['check', '--kubeconfig', kc.hang, '--timeout', '10s', '-o', 'json'],
      {
        timeoutMs: 40_000,
      },
    );
    expect(r.durationMs).toBeLessThan(30_000);
    expect([2, 3]).toContain(r.code);
    expect(r.stderr).toMatch(
      /deadline of 10s reached: \d+ reads? timed out|did not answer/,
    );
  });

  it('collect + evaluate gives the same result as check', async () => {
    const snap = file('gke-snapshot.json');
    const collect = await runCliProcess([
      'collect',
      '--kubeconfig',
      kc.gke,
      '--out',
      snap,
    ]);
    expect(collect.code).toBe(0);
    expect(collect.stdout).toBe('');
    const text = fs.readFileSync(snap, 'utf8');
    expect(text).not.toContain(sim.cluster('gke').token);
    const evaluated = await runCliProcess([
      'evaluate',
      snap,
      '--requirements-version',
      '1.34',
      '-o',
      'json',
    ]);
    expect(evaluated.code).toBe(0);
    const report = JSON.parse(evaluated.stdout);
    const strip = (r: any) => ({
      ...r,
      generatedAt: undefined,
      stats: undefined,
    });
    expect(strip(report)).toEqual(strip(gkeReport));
  });

  it('lists the checklist', async () => {
    const r = await runCliProcess([
      'requirements',
      '--version',
      '1.37',
      '-o',
      'json',
    ]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.version).toBe('1.37');
    expect(list.requirements.map((x: any) => x.id)).toContain(
      'workload_sandboxing',
    );
    expect(list.requirements.map((x: any) => x.id)).not.toContain(
      'dra_support',
    );
  });

  it('gives the same answers from the bundle and from the TypeScript sources', async () => {
    const args = ['requirements', '--version', '1.36', '-o', 'json'];
    const [bundled, sources, version, shortVersion] = await Promise.all([
      runCliProcess(args),
      runCliProcess(args, { env: { AI_CONFORMANCE_CLI_SOURCE: '1' } }),
      runCliProcess(['--version']),
      runCliProcess(['-V']),
    ]);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout).requirements.length).toBeGreaterThan(0);
    expect(sources).toMatchObject({ code: 0, stdout: bundled.stdout });
    const { version: packageVersion } = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8'),
    );
    expect(version).toMatchObject({ code: 0, stdout: `${packageVersion}\n` });
    expect(shortVersion.stdout).toBe(version.stdout);
  });

  describe('upload', () => {
    let server: http.Server;
    let base: string;
    const received: Array<{
      method?: string;
      url?: string;
      headers: http.IncomingHttpHeaders;
      body: string;
    }> = [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', c => chunks.push(c));
        req.on('end', () => {
          received.push({
            method: req.method,
            url: req.url,
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          if (req.headers.authorization !== 'Bearer upload-token') {
            res.writeHead(401, { 'Content-Type': 'application/json' });
            res.end(
              JSON.stringify({
                error: {
                  name: 'AuthenticationError',
                  message: 'Illegal token',
                },
              }),
            );
            return;
          }
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              runId: 'run-1',
              status: 'succeeded',
              verdict: 'conformant',
            }),
          );
        });
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

    it('posts the file with the token from the environment and reports a refused token', async () => {
      const junit = file('upload-junit.xml');
      fs.writeFileSync(
        junit,
        '<?xml version="1.0"?><testsuites><testsuite name="x" tests="0"/></testsuites>',
      );
      const snap = file('upload-snapshot.json');
      fs.writeFileSync(snap, JSON.stringify({ schemaVersion: 1 }));
      const [ok, refused, noToken] = await Promise.all([
        runCliProcess(
          [
            'upload',
            '--backend',
            base,
            '--entity',
            'resource:prod/gpu-cluster',
            junit,
          ],
          {
            env: { AI_CONFORMANCE_TOKEN: 'upload-token' },
          },
        ),
        runCliProcess(
          [
            'upload',
            '--backend',
            `${base}/`,
            '--entity',
            'resource:prod/gpu-cluster',
            snap,
          ],
          {
            env: { AI_CONFORMANCE_TOKEN: 'wrong-token' },
          },
        ),
        runCliProcess([
          'upload',
          '--backend',
          base,
          '--entity',
          'resource:prod/gpu-cluster',
          snap,
        ]),
      ]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toBe(
        `uploaded ${junit} to ${base}/api/ai-conformance/clusters/prod/gpu-cluster/reports: run run-1, status succeeded, verdict conformant\n`,
      );
      const xmlRequest = received.find(
        r => r.headers['content-type'] === 'application/xml',
      );
      expect(xmlRequest).toMatchObject({
        method: 'POST',
        url: '/api/ai-conformance/clusters/prod/gpu-cluster/reports',
        body: fs.readFileSync(junit, 'utf8'),
      });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toBe(
        `ai-conformance: upload refused by ${base} (401 Unauthorized): check the token in AI_CONFORMANCE_TOKEN: Illegal token\n`,
      );
      expect(
        received.find(r => r.headers['content-type'] === 'application/json')
          ?.body,
      ).toBe(fs.readFileSync(snap, 'utf8'));
      expect(noToken.code).toBe(3);
      expect(noToken.stderr).toMatch(
        /^ai-conformance: no token: set AI_CONFORMANCE_TOKEN/,
      );
      expect(received).toHaveLength(2);
    });
  });
});
