import type { ConformanceRunOptions } from '../service/ConformanceRunner';

/** Options of one runner run: no probes, 10 s requests, 30 s deadline, no signal or progress. */
export function runOptions(
  extra: Partial<ConformanceRunOptions> = {},
): ConformanceRunOptions {
  return {
    dryRunProbes: false,
    requestTimeoutMs: 10_000,
    deadlineMs: 30_000,
    signal: new AbortController().signal,
    onProgress: () => {},
    ...extra,
  };
}
