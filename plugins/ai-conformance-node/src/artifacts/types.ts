/**
 * Outcome of one official test.
 *
 * @public
 */
export type ArtifactTestStatus = 'passed' | 'failed' | 'skipped';

/** @public */
export interface ArtifactTestResult {
  /** Top-level Go test name, e.g. TestGangScheduling. */
  name: string;
  status: ArtifactTestStatus;
  durationSeconds?: number;
  /** Failure or skip message (trimmed). */
  message?: string;
  /** Subtests that failed, e.g. ["TestGangScheduling/all_or_nothing"]. */
  failedSubtests?: string[];
}

/**
 * Results of the official suite (kubernetes-sigs/ai-conformance) read from an artifact.
 *
 * @public
 */
export interface ArtifactResults {
  source: 'junit' | 'go-test-json' | 'e2e-log';
  /** File name or URL the results came from, shown as evidence. */
  location?: string;
  tests: ArtifactTestResult[];
}
