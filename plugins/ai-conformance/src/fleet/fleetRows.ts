import { parseEntityRef } from '@backstage/catalog-model';
import {
  getChecklist,
  getChecklistVersions,
  REQUIREMENTS,
  type ClusterListQuery,
  type ClusterSummary,
  type ConformanceLevel,
  type Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

/** One cluster of the fleet: its summary with the catalog's owner and title. */
export interface FleetRow {
  entityRef: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  summary?: ClusterSummary;
  verdict: Verdict | 'never-checked';
  /** Scorecard level; undefined when never checked. */
  level?: ConformanceLevel;
  /** Failed requirements; -1 when never checked. */
  failures: number;
}

export interface FleetFilter {
  owner?: string;
  platform?: string;
  verdict?: string;
  version?: string;
  level?: string;
  search?: string;
}

export type FleetSort = { by: 'failures' | 'name'; direction: 'asc' | 'desc' };

function failuresOf(summary?: ClusterSummary): number {
  if (!summary || !summary.verdict) return -1;
  if (summary.statuses) {
    return Object.values(summary.statuses).filter(s => s === 'fail').length;
  }
  return Math.max(0, summary.mustTotal - summary.mustPassed);
}

/** The fleet row of one `GET /clusters` summary. */
export function fleetRowOf(summary: ClusterSummary): FleetRow {
  const parsed = parseEntityRef(summary.entityRef);
  return {
    entityRef: summary.entityRef,
    namespace: parsed.namespace,
    name: parsed.name,
    ...(summary.title ? { title: summary.title } : {}),
    ...(summary.owner ? { owner: summary.owner } : {}),
    summary,
    verdict: summary.verdict ?? 'never-checked',
    level: summary.level ?? undefined,
    failures: failuresOf(summary),
  };
}

/**
 * The `GET /clusters` query of the fleet page's filters, order and page:
 * the backend filters, sorts and pages, and counts the fleet (facets).
 */
export function fleetQuery(
  filter: FleetFilter,
  sort: FleetSort,
  page: { offset: number; limit: number },
): ClusterListQuery {
  const verdict =
    filter.verdict === 'never-checked' ? 'unchecked' : filter.verdict;
  const search = filter.search?.trim();
  return {
    ...(verdict ? { verdict: [verdict as Verdict | 'unchecked'] } : {}),
    ...(filter.level ? { level: [filter.level as ConformanceLevel] } : {}),
    ...(filter.platform ? { platform: [filter.platform] } : {}),
    ...(filter.version ? { requirementsVersion: [filter.version] } : {}),
    ...(filter.owner ? { owner: filter.owner } : {}),
    ...(search ? { q: search } : {}),
    sort: sort.by,
    order: sort.direction,
    offset: page.offset,
    limit: page.limit,
    facets: true,
  };
}

export interface MatrixColumn {
  id: string;
  title: string;
  level?: string;
}

/**
 * The requirement columns of the matrix: the checklist of the filtered
 * version (the newest when none), plus any other id a row reports, in
 * checklist order.
 */
export function matrixColumns(
  rows: FleetRow[],
  version?: string,
): MatrixColumn[] {
  const versions = getChecklistVersions();
  const checklistVersion =
    version && versions.includes(version)
      ? version
      : versions[versions.length - 1];
  const checklist = getChecklist(checklistVersion).requirements;
  const ids = new Set(checklist.map(r => r.id));
  for (const row of rows) {
    for (const id of Object.keys(row.summary?.statuses ?? {})) ids.add(id);
  }
  const order = new Map(REQUIREMENTS.map((r, i) => [r.id, i]));
  const levels = new Map(checklist.map(r => [r.id, r.level]));
  return [...ids]
    .sort(
      (a, b) =>
        (order.get(a) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
    )
    .map(id => ({
      id,
      title: REQUIREMENTS.find(r => r.id === id)?.title ?? id,
      level: levels.get(id),
    }));
}
