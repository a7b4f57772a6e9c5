import type { Knex } from 'knex';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  gkeCertification,
  isMet,
  type ConformanceReport,
  type RunStatus,
  type Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  CatalogCluster,
  ClusterSummaryFacets,
  ClusterSummaryPage,
  ClusterSummaryQuery,
  ClusterSummaryRecord,
  ClusterSummaryStore,
} from './ClusterSummaryStore';
import type { StoredOutcome } from './ConformanceStore';

const SUMMARIES = 'ai_conformance_cluster_summaries';
const GENERATION = 'ai_conformance_cluster_summaries_generation';
const RUNS = 'ai_conformance_runs';
const RESULTS = 'ai_conformance_results';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows per insert or `IN` list (SQLite and PostgreSQL binding limits). */
const CHUNK = 500;

type SummaryRow = {
  entity_ref: string;
  name: string;
  namespace: string;
  in_catalog: boolean | number;
  owner: string | null;
  title: string | null;
  verdict: string | null;
  requirements_version: string | null;
  must_passed: number;
  must_total: number;
  should_passed: number;
  should_total: number;
  must_failed: number;
  failed: number;
  should_unmet: number;
  gke_certified: boolean | number;
  platform: string | null;
  kubernetes_version: string | null;
  accelerator_count: number;
  outcomes: string | null;
  last_succeeded_run_id: string | null;
  last_succeeded_at: string | null;
  last_run_id: string | null;
  last_run_status: string | null;
  last_run_created_at: string | null;
  last_run_finished_at: string | null;
  updated_at: string;
};

function toRecord(row: SummaryRow): ClusterSummaryRecord {
  return {
    entityRef: row.entity_ref,
    inCatalog: Boolean(row.in_catalog),
    owner: row.owner ?? null,
    title: row.title ?? null,
    verdict: (row.verdict as Verdict | null) ?? null,
    requirementsVersion: row.requirements_version ?? null,
    mustPassed: Number(row.must_passed),
    mustTotal: Number(row.must_total),
    shouldPassed: Number(row.should_passed),
    shouldTotal: Number(row.should_total),
    platform: row.platform ?? null,
    kubernetesVersion: row.kubernetes_version ?? null,
    acceleratorCount: Number(row.accelerator_count),
    failed: Number(row.failed),
    outcomes: row.outcomes ? JSON.parse(row.outcomes) : [],
    lastSucceededRunId: row.last_succeeded_run_id ?? null,
    lastSucceededAt: row.last_succeeded_at ?? null,
    lastRunId: row.last_run_id ?? null,
    lastRunStatus: (row.last_run_status as RunStatus | null) ?? null,
    lastRunCreatedAt: row.last_run_created_at ?? null,
    lastRunFinishedAt: row.last_run_finished_at ?? null,
    updatedAt: row.updated_at,
  };
}

function nameColumns(entityRef: string) {
  const { name, namespace } = parseEntityRef(entityRef);
  return {
    name: name.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
  };
}

/** A row of a cluster with no succeeded run. */
const UNCHECKED = {
  verdict: null,
  requirements_version: null,
  must_passed: 0,
  must_total: 0,
  should_passed: 0,
  should_total: 0,
  must_failed: 0,
  failed: 0,
  should_unmet: 0,
  gke_certified: false,
  platform: null,
  kubernetes_version: null,
  accelerator_count: 0,
  outcomes: null,
  last_succeeded_run_id: null,
  last_succeeded_at: null,
};

function isGkeCertified(platform: string | null, version: string | null) {
  return platform === 'gke' && gkeCertification(version).status === 'certified';
}

/**
 * Rewrites one cluster's summary row from its runs and results. Call it
 * inside the transaction that creates, finishes or deletes runs of the
 * cluster so the row changes with them; a cluster without runs keeps a
 * row only while its entity is in the catalog.
 */
export async function writeClusterSummary(
  db: Knex | Knex.Transaction,
  entityRef: string,
  now: Date = new Date(),
): Promise<void> {
  const last = await db(RUNS)
    .select(['run_id', 'status', 'created_at', 'finished_at'])
    .where({ entity_ref: entityRef })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'run_id', order: 'desc' },
    ])
    .first();
  if (!last) {
    await db(SUMMARIES)
      .where({ entity_ref: entityRef, in_catalog: false })
      .delete();
    await db(SUMMARIES)
      .where({ entity_ref: entityRef })
      .update({
        ...UNCHECKED,
        last_run_id: null,
        last_run_status: null,
        last_run_created_at: null,
        last_run_finished_at: null,
        updated_at: now.toISOString(),
      });
    await bumpSummaryGeneration(db);
    return;
  }
  const latest = await db(RUNS)
    .select([
      'run_id',
      'verdict',
      'requirements_version',
      'must_passed',
      'must_total',
      'should_passed',
      'should_total',
      'platform',
      'kubernetes_version',
      'created_at',
      'finished_at',
      'report',
    ])
    .where({ entity_ref: entityRef, status: 'succeeded' })
    .orderBy([
      { column: 'finished_at', order: 'desc' },
      { column: 'run_id', order: 'desc' },
    ])
    .first();
  let checked: Record<string, unknown> = UNCHECKED;
  if (latest) {
    const outcomes: StoredOutcome[] = (
      await db(RESULTS)
        .select(['requirement_id', 'level', 'status'])
        .where({ run_id: latest.run_id })
        .orderBy('requirement_id')
    ).map(r => ({ id: r.requirement_id, level: r.level, status: r.status }));
    const report: ConformanceReport | undefined = latest.report
      ? JSON.parse(latest.report)
      : undefined;
    checked = {
      verdict: latest.verdict,
      requirements_version: latest.requirements_version,
      must_passed: latest.must_passed ?? 0,
      must_total: latest.must_total ?? 0,
      should_passed: latest.should_passed ?? 0,
      should_total: latest.should_total ?? 0,
      must_failed: outcomes.filter(
        o => o.level === 'MUST' && o.status === 'fail',
      ).length,
      failed: outcomes.filter(o => o.status === 'fail').length,
      should_unmet: outcomes.filter(
        o => o.level === 'SHOULD' && !isMet(o.status),
      ).length,
      gke_certified: isGkeCertified(latest.platform, latest.kubernetes_version),
      platform: latest.platform,
      kubernetes_version: latest.kubernetes_version,
      accelerator_count: (report?.cluster.accelerators ?? []).reduce(
        (n, a) => n + (Number(a.capacity) || 0),
        0,
      ),
      outcomes: JSON.stringify(outcomes),
      last_succeeded_run_id: latest.run_id,
      last_succeeded_at: latest.finished_at ?? latest.created_at,
    };
  }
  const values = {
    ...checked,
    last_run_id: last.run_id,
    last_run_status: last.status,
    last_run_created_at: last.created_at,
    last_run_finished_at: last.finished_at ?? null,
    updated_at: now.toISOString(),
  };
  await db(SUMMARIES)
    .insert({
      entity_ref: entityRef,
      ...nameColumns(entityRef),
      in_catalog: false,
      ...values,
    })
    .onConflict('entity_ref')
    .merge(Object.keys(values));
  await bumpSummaryGeneration(db);
}

/**
 * Raises the summaries' generation: call it after the rows changed (last in
 * a transaction, so the counter's row lock is held briefly). A reader that
 * sees the new value reads the changed rows.
 */
export async function bumpSummaryGeneration(
  db: Knex | Knex.Transaction,
): Promise<void> {
  await db(GENERATION).where({ id: 1 }).increment('generation', 1);
}

/** {@link writeClusterSummary} of the cluster of a run. */
export async function writeClusterSummaryOfRun(
  db: Knex | Knex.Transaction,
  runId: string,
): Promise<void> {
  const run = await db(RUNS)
    .select('entity_ref')
    .where({ run_id: runId })
    .first();
  if (run) await writeClusterSummary(db, run.entity_ref);
}

/** SQL of a row's scorecard level (as computeConformanceLevel decides it). */
function levelSql(levels: ClusterSummaryQuery['levels']): {
  sql: string;
  bindings: string[];
} {
  const cutoffMs = levels.now.getTime() - levels.rules.maxAgeDays * DAY_MS;
  const silver = ['last_succeeded_at < ?'];
  if (levels.rules.requireAllShould) silver.push('should_unmet > 0');
  if (levels.rules.requireCertifiedGkeVersion) {
    silver.push(`(platform = 'gke' AND NOT gke_certified)`);
  }
  return {
    sql: `CASE WHEN verdict IS NULL THEN NULL
      WHEN must_failed > 0 THEN 'none'
      WHEN verdict <> 'conformant' THEN 'bronze'
      WHEN ${silver.join(' OR ')} THEN 'silver'
      ELSE 'gold' END`,
    // No cutoff (rules without an age limit): nothing is too old.
    bindings: [
      Number.isFinite(cutoffMs) ? new Date(cutoffMs).toISOString() : '',
    ],
  };
}

function rankSql(expr: string, values: string[]): string {
  return `CASE ${expr} ${values
    .map((v, i) => `WHEN '${v}' THEN ${i + 1}`)
    .join(' ')} ELSE 0 END`;
}

const LEVEL_ORDER = ['none', 'bronze', 'silver', 'gold'];
const VERDICT_ORDER = ['not-conformant', 'incomplete', 'conformant'];

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

/**
 * The {@link ClusterSummaryStore} on the plugin's database (SQLite and
 * PostgreSQL), in the table `ai_conformance_cluster_summaries`.
 */
export class DatabaseClusterSummaryStore implements ClusterSummaryStore {
  constructor(
    private readonly db: Knex,
    private readonly options: { now?: () => Date } = {},
  ) {}

  #filtered(query: ClusterSummaryQuery): Knex.QueryBuilder {
    const q = this.db(SUMMARIES);
    if ('inCatalog' in query.scope) q.where('in_catalog', true);
    if (query.verdict?.length) {
      const verdicts = query.verdict.filter(v => v !== 'unchecked');
      const unchecked = query.verdict.includes('unchecked');
      q.where(w => {
        if (verdicts.length) w.orWhereIn('verdict', verdicts);
        if (unchecked) w.orWhereNull('verdict');
      });
    }
    if (query.level?.length) {
      const levels = query.level.filter(l => l !== 'unchecked');
      const unchecked = query.level.includes('unchecked');
      const level = levelSql(query.levels);
      q.where(w => {
        if (levels.length) {
          w.orWhereRaw(
            `(${level.sql}) IN (${levels.map(() => '?').join(', ')})`,
            [...level.bindings, ...levels],
          );
        }
        if (unchecked) w.orWhereNull('verdict');
      });
    }
    if (query.platform?.length) q.whereIn('platform', query.platform);
    if (query.requirementsVersion?.length) {
      q.whereIn('requirements_version', query.requirementsVersion);
    }
    if (query.owner?.length) q.whereIn('owner', query.owner);
    if (query.kubernetesVersion) {
      const bare = likeEscape(query.kubernetesVersion.replace(/^v/i, ''));
      q.where(w =>
        w
          .whereRaw(`kubernetes_version LIKE ? ESCAPE '\\'`, [`v${bare}%`])
          .orWhereRaw(`kubernetes_version LIKE ? ESCAPE '\\'`, [`${bare}%`]),
      );
    }
    if (query.text) {
      const like = `%${likeEscape(query.text.toLocaleLowerCase('en-US'))}%`;
      q.where(w =>
        w
          .whereRaw(`name LIKE ? ESCAPE '\\'`, [like])
          .orWhereRaw(`LOWER(title) LIKE ? ESCAPE '\\'`, [like]),
      );
    }
    return q;
  }

  #ordered(q: Knex.QueryBuilder, query: ClusterSummaryQuery) {
    const dir = query.order === 'desc' ? 'DESC' : 'ASC';
    switch (query.sort ?? 'name') {
      case 'verdict':
        q.orderByRaw(`${rankSql('verdict', VERDICT_ORDER)} ${dir}`);
        break;
      case 'level': {
        const level = levelSql(query.levels);
        q.orderByRaw(
          `${rankSql(`(${level.sql})`, LEVEL_ORDER)} ${dir}`,
          level.bindings,
        );
        break;
      }
      case 'failures':
        // Never checked: below every checked cluster.
        q.orderByRaw(
          `CASE WHEN verdict IS NULL THEN -1 ELSE failed END ${dir}`,
        );
        break;
      case 'lastRun':
        q.orderByRaw(`COALESCE(last_run_created_at, '') ${dir}`);
        break;
      default:
        // Name order (the index on in_catalog, name, entity_ref serves it).
        return q
          .orderBy('name', dir.toLowerCase())
          .orderBy('entity_ref', dir.toLowerCase());
    }
    return q.orderBy('name', 'asc').orderBy('entity_ref', 'asc');
  }

  async list(query: ClusterSummaryQuery): Promise<ClusterSummaryPage> {
    const offset = query.offset ?? 0;
    if ('refs' in query.scope) {
      // A caller's own readable set: filter and order in the database,
      // keep that set's refs, then read the page's rows.
      const allowed = new Set(query.scope.refs);
      const refs = (
        await this.#ordered(this.#filtered(query).select('entity_ref'), query)
      )
        .map((r: { entity_ref: string }) => r.entity_ref)
        .filter((ref: string) => allowed.has(ref));
      const page = refs.slice(offset, offset + query.limit);
      const rows = page.length
        ? await this.db(SUMMARIES).whereIn('entity_ref', page)
        : [];
      const byRef = new Map(
        (rows as SummaryRow[]).map(r => [r.entity_ref, toRecord(r)]),
      );
      return {
        items: page.map((ref: string) => byRef.get(ref)!).filter(Boolean),
        totalCount: refs.length,
      };
    }
    const [rows, count] = await Promise.all([
      this.#ordered(this.#filtered(query).select('*'), query)
        .offset(offset)
        .limit(query.limit),
      this.#filtered(query).count({ n: '*' }).first(),
    ]);
    return {
      items: (rows as SummaryRow[]).map(toRecord),
      totalCount: Number((count as { n: number | string } | undefined)?.n ?? 0),
    };
  }

  async facets(
    scope: ClusterSummaryQuery['scope'],
    levels: ClusterSummaryQuery['levels'],
  ): Promise<ClusterSummaryFacets> {
    const level = levelSql(levels);
    const q = this.db(SUMMARIES).select([
      'entity_ref',
      'verdict',
      'platform',
      'owner',
      'requirements_version',
      this.db.raw(`(${level.sql}) as level`, level.bindings),
    ]);
    if ('inCatalog' in scope) q.where('in_catalog', true);
    const allowed = 'refs' in scope ? new Set(scope.refs) : undefined;
    const rows = (
      (await q) as Array<{
        entity_ref: string;
        verdict: string | null;
        platform: string | null;
        owner: string | null;
        requirements_version: string | null;
        level: string | null;
      }>
    ).filter(r => !allowed || allowed.has(r.entity_ref));
    const verdicts: Record<string, number> = {};
    const levelCounts: Record<string, number> = {};
    const platforms = new Set<string>();
    const owners = new Set<string>();
    const versions = new Set<string>();
    for (const r of rows) {
      const v = r.verdict ?? 'unchecked';
      verdicts[v] = (verdicts[v] ?? 0) + 1;
      const l = r.level ?? 'unchecked';
      levelCounts[l] = (levelCounts[l] ?? 0) + 1;
      if (r.platform) platforms.add(r.platform);
      if (r.owner) owners.add(r.owner);
      if (r.requirements_version) versions.add(r.requirements_version);
    }
    const sorted = (s: Set<string>) =>
      [...s].sort((a, b) => a.localeCompare(b, 'en'));
    return {
      verdicts,
      levels: levelCounts,
      platforms: sorted(platforms),
      owners: sorted(owners),
      requirementsVersions: sorted(versions),
    };
  }

  async generation(): Promise<string> {
    const row = await this.db(GENERATION)
      .select('generation')
      .where({ id: 1 })
      .first();
    return String(row?.generation ?? 0);
  }

  async get(entityRef: string): Promise<ClusterSummaryRecord | undefined> {
    const row = await this.db(SUMMARIES)
      .where({ entity_ref: entityRef })
      .first();
    return row ? toRecord(row as SummaryRow) : undefined;
  }

  async listChecked(): Promise<ClusterSummaryRecord[]> {
    const rows = await this.db(SUMMARIES)
      .whereNotNull('last_run_id')
      .orderBy('entity_ref');
    return (rows as SummaryRow[]).map(toRecord);
  }

  async listRefsWithRuns(): Promise<string[]> {
    const rows = await this.db(SUMMARIES)
      .select('entity_ref')
      .whereNotNull('last_run_id');
    return rows.map((r: { entity_ref: string }) => r.entity_ref);
  }

  async syncCatalog(
    clusters: readonly CatalogCluster[],
    exists: (refs: string[]) => Promise<string[]>,
  ): Promise<void> {
    const now = (this.options.now?.() ?? new Date()).toISOString();
    const byRef = new Map(clusters.map(c => [c.entityRef, c]));
    const rows = (await this.db(SUMMARIES).select([
      'entity_ref',
      'in_catalog',
      'owner',
      'title',
      'last_run_id',
    ])) as Array<
      Pick<
        SummaryRow,
        'entity_ref' | 'in_catalog' | 'owner' | 'title' | 'last_run_id'
      >
    >;
    const have = new Map(rows.map(r => [r.entity_ref, r]));
    const missing = clusters.filter(c => !have.has(c.entityRef));
    for (let i = 0; i < missing.length; i += CHUNK) {
      await this.db(SUMMARIES)
        .insert(
          missing.slice(i, i + CHUNK).map(c => ({
            entity_ref: c.entityRef,
            ...nameColumns(c.entityRef),
            in_catalog: true,
            owner: c.owner ?? null,
            title: c.title ?? null,
            ...UNCHECKED,
            updated_at: now,
          })),
        )
        .onConflict('entity_ref')
        .merge(['in_catalog', 'owner', 'title']);
    }
    const absent: string[] = [];
    const others: string[] = [];
    const changed: CatalogCluster[] = [];
    for (const row of rows) {
      const cluster = byRef.get(row.entity_ref);
      if (cluster) {
        if (
          !row.in_catalog ||
          row.owner !== (cluster.owner ?? null) ||
          row.title !== (cluster.title ?? null)
        ) {
          changed.push(cluster);
        }
      } else if (row.last_run_id) {
        others.push(row.entity_ref);
      } else {
        absent.push(row.entity_ref);
      }
    }
    // One transaction for the changed rows (a first sync changes them all).
    for (let i = 0; i < changed.length; i += CHUNK) {
      await this.db.transaction(async tx => {
        for (const c of changed.slice(i, i + CHUNK)) {
          await tx(SUMMARIES)
            .where({ entity_ref: c.entityRef })
            .update({
              in_catalog: true,
              owner: c.owner ?? null,
              title: c.title ?? null,
            });
        }
      });
    }
    // Refs with runs that are not cluster entities count while their
    // entity exists (as GET /clusters always listed them).
    const found = new Set(others.length ? await exists(others) : []);
    const present: string[] = [];
    for (const ref of others) {
      if (found.has(ref) !== Boolean(have.get(ref)?.in_catalog)) {
        (found.has(ref) ? present : absent).push(ref);
      }
    }
    for (let i = 0; i < present.length; i += CHUNK) {
      await this.db(SUMMARIES)
        .whereIn('entity_ref', present.slice(i, i + CHUNK))
        .update({ in_catalog: true });
    }
    for (let i = 0; i < absent.length; i += CHUNK) {
      const chunk = absent.slice(i, i + CHUNK);
      await this.db(SUMMARIES)
        .whereIn('entity_ref', chunk)
        .whereNull('last_run_id')
        .delete();
      await this.db(SUMMARIES)
        .whereIn('entity_ref', chunk)
        .update({ in_catalog: false, owner: null, title: null });
    }
    if (missing.length || changed.length || present.length || absent.length) {
      await bumpSummaryGeneration(this.db);
    }
  }

  async backfill(): Promise<number> {
    const refs = (
      await this.db(RUNS)
        .distinct('entity_ref')
        .whereNotIn('entity_ref', this.db(SUMMARIES).select('entity_ref'))
    ).map((r: { entity_ref: string }) => r.entity_ref);
    for (const ref of refs) {
      await this.db.transaction(tx =>
        writeClusterSummary(tx, ref, this.options.now?.()),
      );
    }
    // GKE certifications come with the product's release: re-decide them.
    const gke = (await this.db(SUMMARIES)
      .select(['entity_ref', 'kubernetes_version', 'gke_certified'])
      .where({ platform: 'gke' })) as Array<
      Pick<SummaryRow, 'entity_ref' | 'kubernetes_version' | 'gke_certified'>
    >;
    for (const row of gke) {
      const certified = isGkeCertified('gke', row.kubernetes_version);
      if (certified !== Boolean(row.gke_certified)) {
        await this.db(SUMMARIES)
          .where({ entity_ref: row.entity_ref })
          .update({ gke_certified: certified });
        await bumpSummaryGeneration(this.db);
      }
    }
    return refs.length;
  }
}
