import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCertifiedVersionsOption } from './certifiedVersionsOption';

describe('--certified-versions', () => {
  it('is optional', async () => {
    await expect(loadCertifiedVersionsOption(undefined)).resolves.toBe(
      undefined,
    );
  });

  it('reads the submissions of a clone directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-cli-cv-'));
    try {
      fs.mkdirSync(path.join(dir, 'v1.37', 'gke'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'v1.37', 'gke', 'PRODUCT.yaml'),
        'metadata:\n  platformVersion: 1.37.0-gke.3503000\n',
      );
      const data = await loadCertifiedVersionsOption(dir);
      expect(data?.products).toEqual([
        expect.objectContaining({
          checklist: '1.37',
          product: 'gke',
          platformVersion: '1.37.0-gke.3503000',
        }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a usage error when the source cannot be read, without the URL credentials', async () => {
    await expect(
      loadCertifiedVersionsOption(path.join(os.tmpdir(), 'aic-no-clone')),
    ).rejects.toMatchObject({
      name: 'CliError',
      exitCode: 3,
      message: expect.stringContaining('invalid --certified-versions'),
    });
    const err: Error = await loadCertifiedVersionsOption(
      'https://user:secret@example.invalid/list.json',
    ).then(
      () => new Error('expected a rejection'),
      e => e as Error,
    );
    expect(err.message).toMatch(/neither a GitHub repository/);
    expect(err.message).not.toContain('secret');
  });
});
