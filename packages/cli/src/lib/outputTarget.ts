import fs from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './CliError';
import { CliIo, writeAll } from './cliIo';

/** Writes a command's output to `--out FILE`, or to stdout without it. */
export async function writeOutput(
  io: CliIo,
  text: string,
  outFile: string | undefined,
): Promise<void> {
  if (!outFile) {
    await writeAll(io.stdout, text);
    return;
  }
  try {
    await fs.mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
    await fs.writeFile(outFile, text, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot write ${outFile}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
}
