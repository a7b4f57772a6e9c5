import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';

/** Why a context could not be checked. */
export interface ContextError {
  /** ConnectionError reason ('tls', 'unauthorized'…) or 'error'. */
  reason: string;
  message: string;
}

/** The outcome of checking one kubeconfig context (or one snapshot). */
export interface ContextResult {
  /** Context name, or the snapshot's cluster name. */
  context: string;
  report?: ConformanceReport;
  error?: ContextError;
  /** Reads that hit the deadline or the per-request timeout. */
  timedOutReads?: number;
  /** The collection ran until the overall deadline. */
  deadlineReached?: boolean;
}
