import fs from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import {
  parseDeclaredSolutions,
  type DeclaredSolution,
} from '@ai-conformance/plugin-ai-conformance-node';
import { CliError } from './CliError';

/** Largest `--solutions` file read. */
export const MAX_SOLUTIONS_FILE_BYTES = 256 * 1024;

/**
 * Components declared in `--solutions FILE` (YAML: a list, or the list under
 * `solutions:`), validated like `aiConformance.solutions`. None without a file.
 */
export async function loadSolutions(
  file: string | undefined,
): Promise<DeclaredSolution[]> {
  if (!file) return [];
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_SOLUTIONS_FILE_BYTES) {
      throw new CliError(
        `--solutions ${file} is larger than ${MAX_SOLUTIONS_FILE_BYTES} bytes`,
      );
    }
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new CliError(
      `cannot read --solutions ${file}: ${err.code ?? err.message}`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new CliError(
      `--solutions ${file} is not YAML: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  try {
    return parseDeclaredSolutions(raw, `--solutions ${file}`);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
