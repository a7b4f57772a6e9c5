import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  getChecklist,
  getChecklistVersions,
  REQUIREMENTS,
  type ClusterSummary,
  type ConformanceLevel,
  type Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

/** One cluster of the fleet: its catalog entity joined with its summary. */
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

/**
 * Joins catalog cluster entities with the backend's summaries by entity
 * ref. Every catalog cluster gets a row (never-checked ones too), and so
 * does every summary whose entity the catalog did not return.
 */
export function buildFleetRows(
  summaries: ClusterSummary[],
  entities: Entity[],
): FleetRow[] {
  const byRef = new Map<string, ClusterSummary>();
  for (const s of summaries)
    byRef.set(s.entityRef.toLocaleLowerCase('en-US'), s);
  const rows: FleetRow[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    const ref = stringifyEntityRef(entity);
    const key = ref.toLocaleLowerCase('en-US');
    seen.add(key);
    const summary = byRef.get(key);
    rows.push({
      entityRef: ref,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
      title: entity.metadata.title,
      owner:
        typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined,
      summary,
      verdict: summary?.verdict ?? 'never-checked',
      level: summary?.level ?? undefined,
      failures: failuresOf(summary),
    });
  }
  for (const [key, summary] of byRef) {
    if (seen.has(key)) continue;
    const parsed = parseEntityRef(summary.entityRef);
    rows.push({
      entityRef: summary.entityRef,
      namespace: parsed.namespace,
      name: parsed.name,
      summary,
      verdict: summary.verdict ?? 'never-checked',
      level: summary.level ?? undefined,
      failures: failuresOf(summary),
    });
  }
  return rows;
}

/** How many clusters hold each level (never-checked clusters hold none). */
export function countByLevel(
  rows: FleetRow[],
): Record<ConformanceLevel, number> {
  const counts: Record<ConformanceLevel, number> = {
    none: 0,
    bronze: 0,
    silver: 0,
    gold: 0,
  };
  for (const row of rows) if (row.level) counts[row.level]++;
  return counts;
}

/** Applies the owner, platform, verdict, version and level filters and the search text. */
export function filterFleetRows(
  rows: FleetRow[],
  filter: FleetFilter,
): FleetRow[] {
  const search = filter.search?.trim().toLocaleLowerCase('en-US');
  return rows.filter(row => {
    if (filter.owner && row.owner !== filter.owner) return false;
    if (filter.platform && row.summary?.platform !== filter.platform)
      return false;
    if (filter.verdict && row.verdict !== filter.verdict) return false;
    if (filter.level && row.level !== filter.level) return false;
    if (filter.version && row.summary?.requirementsVersion !== filter.version) {
      return false;
    }
    if (search) {
      const text = `${row.name} ${row.title ?? ''} ${row.entityRef} ${
        row.owner ?? ''
      }`.toLocaleLowerCase('en-US');
      if (!text.includes(search)) return false;
    }
    return true;
  });
}

/** Sorts by failures (ties by name) or by name. */
export function sortFleetRows(rows: FleetRow[], sort: FleetSort): FleetRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: FleetRow, b: FleetRow) =>
    (a.title ?? a.name).localeCompare(b.title ?? b.name, 'en');
  return [...rows].sort((a, b) => {
    if (sort.by === 'failures' && a.failures !== b.failures) {
      return sign * (a.failures - b.failures);
    }
    return sort.by === 'name' ? sign * byName(a, b) : byName(a, b);
  });
}

/** The distinct values of a field, sorted, for filter menus. */
export function distinctValues(
  rows: FleetRow[],
  pick: (row: FleetRow) => string | null | undefined,
): string[] {
  const values = new Set<string>();
  for (const row of rows) {
    const v = pick(row);
    if (v) values.add(v);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'en'));
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
