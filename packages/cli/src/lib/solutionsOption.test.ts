import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliError } from './CliError';
import { loadSolutions, MAX_SOLUTIONS_FILE_BYTES } from './solutionsOption';

describe('loadSolutions', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solutions-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('is empty without a file', async () => {
    await expect(loadSolutions(undefined)).resolves.toEqual([]);
  });

  it('reads the list under solutions:, with the default controller kind', async () => {
    const file = write(
      'ok.yaml',
      [
        'solutions:',
        '  - name: Acme Model Operator',
        '    capability: ai-operator',
        '    group: models.acme.example',
        '    controller: { namespace: acme-system, name: acme-manager }',
      ].join('\n'),
    );
    await expect(loadSolutions(file)).resolves.toEqual([
      {
        name: 'Acme Model Operator',
        capability: 'ai-operator',
        group: 'models.acme.example',
        controller: {
          namespace: 'acme-system',
          name: 'acme-manager',
          kind: 'Deployment',
        },
      },
    ]);
  });

  it('refuses an invalid declaration, a missing file and an oversized one', async () => {
    const bad = write(
      'bad.yaml',
      '- name: x\n  capability: teleport\n  group: a.example\n',
    );
    await expect(loadSolutions(bad)).rejects.toThrow(CliError);
    await expect(loadSolutions(bad)).rejects.toThrow(/capability/);
    await expect(loadSolutions(path.join(dir, 'nope.yaml'))).rejects.toThrow(
      /ENOENT/,
    );
    const big = write('big.yaml', `# ${'x'.repeat(MAX_SOLUTIONS_FILE_BYTES)}`);
    await expect(loadSolutions(big)).rejects.toThrow(/larger than/);
  });
});
