import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_METADATA, makeReport } from '../__testUtils__/reportFixtures';
import { writeSubmissionBundle } from './submissionBundle';

const GKE = path.join(
  __dirname,
  '..',
  'validate',
  '__fixtures__',
  'cncf-v1.37-gke',
  'v1.37',
  'gke',
);

describe('writeSubmissionBundle', () => {
  let out: string;
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-bundle-unit-'));
  });
  afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

  const options = (product: string, version = '1.37') => ({
    report: makeReport(version),
    metadata: DEMO_METADATA,
    generator: 't',
    product,
    out,
    artifacts: { 'junit.xml': path.join(GKE, 'junit.xml') },
  });

  it.each(['../escape', 'a/b', '..', '.hidden', ''])(
    'refuses the product name %j, writing nothing',
    async product => {
      await expect(writeSubmissionBundle(options(product))).rejects.toThrow(
        /^invalid --product/,
      );
      expect(fs.readdirSync(out)).toEqual([]);
      expect(fs.existsSync(path.join(out, '..', 'escape'))).toBe(false);
    },
  );

  it('refuses official-suite artifacts for a report before v1.37', async () => {
    await expect(
      writeSubmissionBundle(options('demo', '1.34')),
    ).rejects.toThrow(
      'official-suite artifacts are cited from checklist v1.37; this report is v1.34',
    );
  });

  it('cites only the artifacts given and names a missing input', async () => {
    const bundle = await writeSubmissionBundle(options('demo'));
    expect(bundle.files).toEqual(
      expect.arrayContaining([
        'v1.37/demo/PRODUCT.yaml',
        'v1.37/demo/junit.xml',
      ]),
    );
    const text = fs.readFileSync(
      path.join(out, 'v1.37/demo/PRODUCT.yaml'),
      'utf8',
    );
    expect(text).toContain('file://v1.37/demo/junit.xml#TestGangScheduling');
    expect(text).not.toContain('results.json');
    expect(text).not.toContain('e2e.log');
    await expect(
      writeSubmissionBundle({
        ...options('demo'),
        artifacts: { 'e2e.log': path.join(out, 'nope.log') },
      }),
    ).rejects.toThrow(/^cannot read e2e\.log input .*nope\.log: ENOENT/);
  });
});
