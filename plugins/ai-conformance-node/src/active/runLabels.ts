/**
 * Labels and names that mark what an active run creates; the orphan sweep
 * and the `cleanup` command find objects by them.
 */

/** @public */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** @public */
export const MANAGED_BY_VALUE = 'ai-conformance';
/** @public */
export const RUN_ID_LABEL = 'ai-conformance.io/run-id';
/**
 * Annotation on a run's namespace: when the run's deadline ends. The orphan
 * sweep leaves runs that may still be going; past it a run only cleans up,
 * and deleting its objects twice does no harm.
 *
 * @public
 */
export const EXPIRES_ANNOTATION = 'ai-conformance.io/expires-at';

/** Every object an active run creates matches this selector. @public */
export const ACTIVE_RUN_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE},${RUN_ID_LABEL}`;

/** The run's namespace: `aic-run-<first 8 chars of the run id>`. @public */
export function runNamespace(runId: string): string {
  return `aic-run-${runId
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 8)}`;
}

/** Labels every object of the run carries. @public */
export function runLabels(runId: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_ID_LABEL]: runId };
}
