import type { ReadOutcome } from '@ai-conformance/plugin-ai-conformance-common';
import { RequestFailure } from '../cluster/KubeApiClient';

/** The read outcome of an HTTP status. */
export function outcomeOfStatus(status: number): ReadOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 503) return 'unavailable';
  if (status === 504 || status === 408) return 'timeout';
  return 'error';
}

/** A short message from a Kubernetes Status body, if there is one. */
export function statusMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed?.kind === 'Status' && parsed.message) {
      return `HTTP ${status}: ${parsed.message}`;
    }
  } catch {
    // not JSON
  }
  const text = body.trim().slice(0, 200);
  return text ? `HTTP ${status}: ${text}` : `HTTP ${status}`;
}

/** The outcome and message of a request that got no response. */
export function outcomeOfFailure(
  error: unknown,
  deadlineReached: boolean,
): { outcome: ReadOutcome; message: string } {
  if (error instanceof RequestFailure) {
    if (error.kind === 'aborted') {
      return {
        outcome: 'timeout',
        message: deadlineReached
          ? 'stopped: the overall deadline was reached'
          : 'stopped: the collection was cancelled',
      };
    }
    if (error.kind === 'timeout') {
      return {
        outcome: 'timeout',
        message: `request timed out (${error.message})`,
      };
    }
    return { outcome: 'error', message: error.message };
  }
  return {
    outcome: 'error',
    message: (error as Error)?.message ?? String(error),
  };
}
