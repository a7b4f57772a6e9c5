import {
  Checklist,
  parseOfficialChecklist,
  registerChecklist,
} from '@ai-conformance/plugin-ai-conformance-common';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';

/** Largest checklist file accepted (the official ones are under 10 kB). */
const MAX_BYTES = 1024 * 1024;

async function readSource(source: string, timeoutMs: number): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    let res: Response;
    try {
      res = await fetch(source, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new InputError(
        `Could not fetch checklist ${source}: ${(e as Error).message}`,
      );
    }
    if (!res.ok) {
      throw new InputError(
        `Could not fetch checklist ${source}: HTTP ${res.status}`,
      );
    }
    const text = await res.text();
    if (text.length > MAX_BYTES)
      throw new InputError(`Checklist ${source} is too large`);
    return text;
  }
  const path = source.replace(/^file:\/\//, '');
  try {
    const stat = await fs.stat(path);
    if (stat.size > MAX_BYTES)
      throw new InputError(`Checklist ${path} is too large`);
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as Error).name === 'InputError') throw e;
    throw new InputError(
      `Could not read checklist ${path}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
}

/**
 * Loads an official CNCF checklist (`AIConformance-1.NN.yaml`) from a file
 * or an http(s) URL, validates it and registers it, adding a version this
 * release does not know or overriding a built-in one. Returns the checklist
 * as the engine will use it. Throws InputError for unreadable or invalid input.
 *
 * @public
 */
export async function loadOfficialChecklist(
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<Checklist> {
  const text = await readSource(source, options.timeoutMs ?? 10_000);
  return registerChecklist(parseOfficialChecklist(text));
}
