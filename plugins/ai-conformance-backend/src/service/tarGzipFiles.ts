import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { create } from 'tar';

/** One file of an archive: a relative path and its text. */
export interface ArchiveFile {
  path: string;
  content: string;
}

/**
 * A gzipped tar archive of these files (portable: no owner, no user names),
 * written through a temporary folder that is removed afterwards. Throws for
 * a path that is absolute or leaves the archive's root.
 */
export async function tarGzipFiles(files: ArchiveFile[]): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aic-archive-'));
  try {
    const roots = new Set<string>();
    for (const f of files) {
      const target = path.resolve(dir, f.path);
      const inside = path.relative(dir, target);
      if (
        !inside ||
        path.isAbsolute(f.path) ||
        inside.startsWith('..') ||
        path.isAbsolute(inside)
      ) {
        throw new Error(`archive path outside its root: ${f.path}`);
      }
      roots.add(inside.split(path.sep)[0]);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, f.content);
    }
    const chunks: Buffer[] = [];
    const stream = create({ gzip: true, cwd: dir, portable: true }, [...roots]);
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
