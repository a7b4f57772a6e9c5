import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';
import {
  readSpecYaml,
  renderOpenApiFiles,
} from '../../scripts/generate-openapi';

const REGENERATE = 'run `node scripts/generate-openapi.js` after editing it';

describe('code generated from openapi.yaml', () => {
  it(`the spec object matches openapi.yaml (${REGENERATE})`, () => {
    expect(spec).toEqual(parse(readSpecYaml()));
    expect(spec.openapi).toBe('3.1.0');
  });

  it(`every generated file is current (${REGENERATE})`, async () => {
    const files = await renderOpenApiFiles(readSpecYaml());
    const names = Object.keys(files).map(f =>
      path.relative(path.resolve(__dirname, '../../..'), f),
    );
    expect(names.sort()).toEqual([
      'ai-conformance-backend/src/schema/endpoints.generated.ts',
      'ai-conformance-backend/src/schema/openapi.generated.ts',
      'ai-conformance-common/src/schema/openapi.generated.ts',
    ]);
    for (const [file, text] of Object.entries(files)) {
      expect({ file, text: fs.readFileSync(file, 'utf8') }).toEqual({
        file,
        text,
      });
    }
  });

  it('notices a response field the generated types do not have yet', async () => {
    const required = [
      '    ClusterSummary:',
      '      type: object',
      '      required:',
      '        - ',
    ].join('\n');
    const edited = readSpecYaml().replace(
      `${required}entityRef`,
      `${required}clusterRef`,
    );
    expect(edited).not.toBe(readSpecYaml());
    const files = await renderOpenApiFiles(edited);
    const types = Object.entries(files).find(([f]) =>
      f.includes('ai-conformance-common'),
    )![1];
    const current = fs.readFileSync(
      path.resolve(
        __dirname,
        '../../../ai-conformance-common/src/schema/openapi.generated.ts',
      ),
      'utf8',
    );
    expect(types).not.toBe(current);
  });
});
