import { checkMaxResponseBytes } from '@ai-conformance/plugin-ai-conformance-node';
import { CliError } from './CliError';

const UNIT_BYTES: Record<string, number> = {
  '': 1,
  KiB: 1024,
  MiB: 1024 * 1024,
};

/**
 * Parses `--max-response-bytes`: bytes, or a whole number of `KiB` / `MiB`
 * (e.g. `33554432`, `64MiB`). Undefined leaves the engine's default.
 * Throws CliError for anything else or a value outside the accepted range.
 */
export function parseMaxResponseBytes(text?: string): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\s*(KiB|MiB)?$/.exec(text.trim());
  if (!m) {
    throw new CliError(
      `invalid --max-response-bytes "${text}": use bytes or forms like 512KiB, 64MiB`,
    );
  }
  const bytes = Number(m[1]) * UNIT_BYTES[m[2] ?? ''];
  try {
    return checkMaxResponseBytes(bytes, '--max-response-bytes');
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}
