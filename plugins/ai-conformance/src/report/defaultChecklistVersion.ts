import type { Entity } from '@backstage/catalog-model';
import {
  getChecklistVersions,
  normalizeChecklistVersion,
  selectRequirementsVersion,
  type ConformanceReport,
} from '@ai-conformance/plugin-ai-conformance-common';

/** The label a cluster entity may carry to pin its checklist version. */
export const TARGET_VERSION_LABEL = 'ai-conformance.io/target-version';

/**
 * The checklist version a tab opens with: the report's own version, else
 * the entity's target-version label, else the cluster's minor (falling back
 * to the nearest known checklist).
 */
export function defaultChecklistVersion(
  entity: Entity,
  report?: ConformanceReport | null,
): string {
  if (report?.requirementsVersion) return report.requirementsVersion;
  const label = entity.metadata.labels?.[TARGET_VERSION_LABEL];
  const pinned = label ? normalizeChecklistVersion(label) : undefined;
  if (pinned && getChecklistVersions().includes(pinned)) return pinned;
  return selectRequirementsVersion(report?.cluster.kubernetesVersion).version;
}
