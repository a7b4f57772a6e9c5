import { Readable } from 'node:stream';
import { list } from 'tar';

/** Entry paths and contents of a .tar.gz. */
export async function readTarGz(buffer: Buffer) {
  const entries = new Map<string, string>();
  const pending: Promise<void>[] = [];
  const parser = list({
    onReadEntry: entry => {
      const chunks: Buffer[] = [];
      pending.push(
        new Promise(resolve => {
          entry.on('data', (c: Buffer) => chunks.push(c));
          entry.on('end', () => {
            if (entry.type === 'File') {
              entries.set(entry.path, Buffer.concat(chunks).toString('utf8'));
            }
            resolve();
          });
        }),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    Readable.from([buffer]).pipe(parser).on('end', resolve).on('error', reject);
  });
  await Promise.all(pending);
  return entries;
}
