import { readTarGz } from '../__testUtils__/readTarGz';
import { tarGzipFiles } from './tarGzipFiles';

describe('tarGzipFiles', () => {
  it('archives the files under their paths, gzipped', async () => {
    const buffer = await tarGzipFiles([
      { path: 'v1.37/demo/PRODUCT.yaml', content: 'metadata: {}\n' },
      { path: 'v1.37/demo/active/junit.xml', content: '<testsuites/>' },
    ]);
    expect(buffer.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const entries = await readTarGz(buffer);
    expect(Object.fromEntries(entries)).toEqual({
      'v1.37/demo/PRODUCT.yaml': 'metadata: {}\n',
      'v1.37/demo/active/junit.xml': '<testsuites/>',
    });
  });

  it.each(['../x', '/etc/passwd', 'a/../../x'])(
    'refuses the path %j',
    async p => {
      await expect(tarGzipFiles([{ path: p, content: 'x' }])).rejects.toThrow(
        'archive path outside its root',
      );
    },
  );
});
