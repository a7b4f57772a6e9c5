import fs from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './CliError';
import { CliIo, writeAll } from './cliIo';

async function writeFile(file: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, text, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot write ${file}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
}

/**
 * Writes a command's output to `--out FILE`, or to stdout without it; the
 * extra files (e.g. evidence) go beside FILE, relative to its folder.
 */
export async function writeOutput(
  io: CliIo,
  text: string,
  outFile: string | undefined,
  files: Array<{ path: string; content: string }> = [],
): Promise<void> {
  if (!outFile) {
    await writeAll(io.stdout, text);
    return;
  }
  await writeFile(outFile, text);
  const dir = path.dirname(path.resolve(outFile));
  for (const f of files) {
    await writeFile(path.join(dir, f.path), f.content);
  }
}
