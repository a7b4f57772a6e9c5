import { CliError } from './CliError';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a duration such as `10s`, `2m`, `1m30s`, `500ms` or `1h`.
 * A bare number is read as seconds. Throws CliError for anything else.
 */
export function parseDuration(text: string): number {
  const input = text.trim();
  if (/^\d+(\.\d+)?$/.test(input)) {
    return Math.round(Number(input) * 1000);
  }
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = '';
  for (const m of input.matchAll(part)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed += m[0];
  }
  if (!input || consumed !== input || total <= 0) {
    throw new CliError(
      `invalid duration "${text}": use forms like 30s, 2m, 1m30s or 500ms`,
    );
  }
  return Math.round(total);
}

/** Formats milliseconds the way durations are written on the command line. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${seconds}s`;
}
