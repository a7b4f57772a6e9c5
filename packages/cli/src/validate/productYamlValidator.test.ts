import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { DEMO_METADATA, makeReport } from '../__testUtils__/reportFixtures';
import { buildProductYaml } from '@ai-conformance/plugin-ai-conformance-common';
import { submissionRoot, validateProductYaml } from './productYamlValidator';

const METADATA = DEMO_METADATA;

describe('validateProductYaml', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-validate-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, doc: unknown) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof doc === 'string' ? doc : stringify(doc));
    return file;
  };
  const offline = { offline: true, checkUrl: jest.fn() };

  function conformantDraft(version: string, metadata = METADATA) {
    return parseYaml(
      buildProductYaml(makeReport(version), { metadata, generator: 't' }).text,
    );
  }

  it('accepts a complete conformant draft and checks no URL offline', async () => {
    const file = write('ok.yaml', conformantDraft('1.34'));
    const result = await validateProductYaml(file, offline);
    expect(result).toEqual({ version: '1.34', problems: [] });
    expect(offline.checkUrl).not.toHaveBeenCalled();
  });

  it('reports every rule that is broken, one problem each', async () => {
    const doc = conformantDraft('1.34');
    doc.metadata.vendorName = '[Vendor Name]';
    delete doc.metadata.contactEmailAddress;
    doc.metadata.k8sConformanceUrl =
      'https://github.com/cncf/k8s-conformance/v1.34/demo';
    doc.metadata.productLogoUrl = 'https://demo.example.com/logo.png';
    doc.spec.networking = [
      { ...doc.spec.networking[0], status: 'Not Implemented' },
    ];
    doc.spec.operator[0].status = 'Done';
    delete doc.spec.observability;
    doc.spec.security[0].evidence = ['evidence/missing.md'];
    doc.spec.accelerators[0].level = 'SHOULD';
    const file = write('bad.yaml', doc);
    const { problems } = await validateProductYaml(file, offline);
    expect(problems).toEqual(
      expect.arrayContaining([
        'metadata field vendorName has placeholder value: [Vendor Name]',
        'missing metadata field: contactEmailAddress',
        expect.stringMatching(/^invalid k8sConformanceUrl/),
        expect.stringMatching(/^productLogoUrl must link to an SVG/),
        "requirement 'ai_inference' is MUST but its status is 'Not Implemented': it must be 'Implemented'",
        expect.stringMatching(/^invalid status 'Done' for 'robust_controller'/),
        'missing spec category: observability',
        expect.stringMatching(
          /^evidence file for 'secure_accelerator_access' not found: evidence\/missing.md/,
        ),
        "level of 'dra_support' is 'SHOULD' but checklist v1.34 publishes 'MUST'",
        "requirement 'robust_controller' is MUST but its status is 'Done': it must be 'Implemented'",
      ]),
    );
    expect(problems).toHaveLength(10);
  });

  it('needs notes for N/A, allows an unanswered SHOULD, and finds missing ids', async () => {
    const doc = conformantDraft('1.35', {
      ...METADATA,
      k8sConformanceUrl:
        'https://github.com/cncf/k8s-conformance/tree/main/v1.35/demo',
    });
    const sharing = doc.spec.accelerators.find(
      (i: any) => i.id === 'gpu_sharing',
    );
    sharing.status = 'N/A';
    sharing.notes = '';
    const virt = doc.spec.accelerators.find(
      (i: any) => i.id === 'virtualized_accelerator',
    );
    virt.status = '';
    virt.evidence = [];
    doc.spec.operator = [];
    const { problems } = await validateProductYaml(
      write('na.yaml', doc),
      offline,
    );
    expect(problems).toEqual([
      "notes required for 'gpu_sharing' when status is N/A",
      "missing requirement 'robust_controller' in category 'operator'",
    ]);
  });

  it('reads official-suite results behind file:// evidence from v1.37', async () => {
    const doc = conformantDraft('1.37', {
      ...METADATA,
      k8sConformanceUrl:
        'https://github.com/cncf/k8s-conformance/tree/master/v1.37/demo',
    });
    write(
      'v1.37/demo/results/junit.xml',
      `<testsuites><testsuite name="ai"><testcase name="TestSecureAcceleratorAccess"><failure message="saw a device"/></testcase><testcase name="TestGangScheduling"><skipped/></testcase><testcase name="TestWorkloadSandboxing"/></testsuite></testsuites>`,
    );
    write('v1.37/other/junit.xml', '<testsuites/>');
    const item = (id: string) =>
      Object.values(doc.spec as Record<string, any[]>)
        .flat()
        .find(i => i.id === id);
    item('secure_accelerator_access').evidence = [
      'file://v1.37/demo/results/junit.xml#TestSecureAcceleratorAccess',
    ];
    item('gang_scheduling').evidence = [
      'file://v1.37/demo/results/junit.xml#TestGangScheduling',
    ];
    item('workload_sandboxing').evidence = [
      'file://v1.37/demo/results/junit.xml#TestWorkloadSandboxing',
    ];
    item('robust_controller').evidence = [
      'file://v1.37/demo/results/junit.xml#TestNothing',
    ];
    item('ai_inference').evidence = ['file://v1.37/demo/results/e2e.log'];
    item('pod_autoscaling').evidence = ['file://v1.37/other/junit.xml'];
    const file = write('v1.37/demo/PRODUCT.yaml', doc);
    const { problems } = await validateProductYaml(file, offline);
    const shown = 'v1.37/demo/results/junit.xml';
    expect(problems).toEqual([
      `evidence for 'ai_inference' not found: file://v1.37/demo/results/e2e.log (looked at ${path.join(
        dir,
        shown.replace('junit.xml', 'e2e.log'),
      )})`.replace('evidence for', 'evidence file for'),
      `evidence for 'gang_scheduling': test TestSecureAcceleratorAccess failed in ${shown}`,
      `evidence for 'gang_scheduling': test TestGangScheduling was skipped in ${shown}: a cited test must have passed`,
      `evidence for 'pod_autoscaling' points outside the product folder: file://v1.37/other/junit.xml (resolves to ${path.join(
        dir,
        'v1.37/other/junit.xml',
      )}, not inside ${path.join(dir, 'v1.37/demo')})`,
      `evidence for 'robust_controller': test TestNothing not found in ${shown}`,
    ]);
  });

  it("accepts GKE's 1.37 submission resolved from the repository root", async () => {
    const fixture = path.join(__dirname, '__fixtures__', 'cncf-v1.37-gke');
    const product = path.join(fixture, 'v1.37', 'gke', 'PRODUCT.yaml');
    expect(submissionRoot(path.dirname(product))).toBe(fixture);
    const result = await validateProductYaml(product, offline);
    expect(result).toEqual({ version: '1.37', problems: [] });
  });

  it("names a failing test in a failing and skipped copy of GKE's artifacts", async () => {
    const fixture = path.join(
      __dirname,
      '__fixtures__',
      'cncf-v1.37-gke-failing',
    );
    const product = path.join(fixture, 'v1.37', 'gke', 'PRODUCT.yaml');
    const { problems } = await validateProductYaml(product, offline);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /test TestGangScheduling failed in v1\.37\/gke\/junit\.xml$/,
        ),
        expect.stringMatching(
          /test TestGangScheduling failed in v1\.37\/gke\/results\.json$/,
        ),
        expect.stringMatching(
          /test TestGangScheduling failed in v1\.37\/gke\/e2e\.log$/,
        ),
        "evidence for 'cluster_autoscaling': test TestAcceleratorClusterAutoscaling was skipped in v1.37/gke/junit.xml: a cited test must have passed",
      ]),
    );
    expect(problems.join('\n')).not.toMatch(/TestSecureAcceleratorAccess/);
  });

  it('needs k8sConformanceUrl from v1.35 only', async () => {
    const old = conformantDraft('1.34');
    delete old.metadata.k8sConformanceUrl;
    expect(
      (await validateProductYaml(write('v1.34/a/PRODUCT.yaml', old), offline))
        .problems,
    ).toEqual([]);
    const recent = conformantDraft('1.35');
    delete recent.metadata.k8sConformanceUrl;
    expect(
      (
        await validateProductYaml(
          write('v1.35/a/PRODUCT.yaml', recent),
          offline,
        )
      ).problems,
    ).toEqual(['missing metadata field: k8sConformanceUrl']);
  });

  it('rejects file:// evidence before v1.37 and checks URLs when online', async () => {
    const doc = conformantDraft('1.34');
    doc.spec.networking[0].evidence = ['file://results/junit.xml#TestX'];
    const checkUrl = jest.fn(async (url: string) =>
      url.includes('gang_scheduling') ? 'status code 404' : undefined,
    );
    const { problems } = await validateProductYaml(
      write('v1.34/x/PRODUCT.yaml', doc),
      {
        offline: false,
        checkUrl,
      },
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^evidence for 'ai_inference' uses file:\/\/ .*accepted from v1.37 only/,
      ),
      "evidence URL for 'gang_scheduling' is not reachable: https://docs.example.com/gang_scheduling (status code 404)",
    ]);
    expect(checkUrl).toHaveBeenCalledWith('https://demo.example.com/logo.svg');
  });

  it('flags a version that does not match the folder or has no checklist', async () => {
    const doc = conformantDraft('1.34');
    const folder = await validateProductYaml(
      write('v1.35/demo/PRODUCT.yaml', doc),
      offline,
    );
    expect(folder.problems).toEqual([
      'kubernetesVersion v1.34 does not match the submission folder v1.35/',
    ]);
    doc.metadata.kubernetesVersion = 'v1.20';
    const unknown = await validateProductYaml(write('old.yaml', doc), offline);
    expect(unknown.problems).toEqual([
      'no checklist for kubernetesVersion v1.20',
    ]);
  });

  it('throws a usage error for a missing file', async () => {
    await expect(
      validateProductYaml(path.join(dir, 'nope.yaml'), offline),
    ).rejects.toThrow(/cannot read .*nope.yaml: ENOENT/);
  });
});
