import type { ReadOutcome } from '@ai-conformance/plugin-ai-conformance-common';
import { RequestFailure } from '../cluster/KubeApiClient';
import { redactCredentials } from './redactCredentials';

/** How much of a body is searched for credentials before it is shortened. */
const REDACT_WINDOW = 64 * 1024;
/** The longest text a message takes from a body. */
const BODY_TEXT_LIMIT = 200;
/** The longest message taken from a Kubernetes Status. */
const STATUS_MESSAGE_LIMIT = 500;

/**
 * A body's text, fit for a message: credentials redacted (before it is
 * shortened, so a credential cut in half is still found), whitespace trimmed,
 * at most `limit` characters.
 */
export function bodyText(body: string, limit = BODY_TEXT_LIMIT): string {
  return redactCredentials(body.slice(0, REDACT_WINDOW)).trim().slice(0, limit);
}

/** The read outcome of an HTTP status. */
export function outcomeOfStatus(status: number): ReadOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 503) return 'unavailable';
  if (status === 504 || status === 408) return 'timeout';
  return 'error';
}

/**
 * A short message from a response body: the message of a Kubernetes Status,
 * or the start of the body. This is where response bodies become messages
 * (of reads, reports, API answers, logs and stored runs), so credentials a
 * server echoes are redacted here.
 */
export function statusMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { kind?: string; message?: string };
    if (parsed?.kind === 'Status' && typeof parsed.message === 'string') {
      const message = bodyText(parsed.message, STATUS_MESSAGE_LIMIT);
      if (message) return `HTTP ${status}: ${message}`;
    }
  } catch {
    // not JSON
  }
  const text = bodyText(body);
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
    // tls, unreachable, network, tooLarge ("response exceeded N bytes"):
    // an error of the read, so what depends on it is unknown.
    return { outcome: 'error', message: error.message };
  }
  return {
    outcome: 'error',
    message: (error as Error)?.message ?? String(error),
  };
}
