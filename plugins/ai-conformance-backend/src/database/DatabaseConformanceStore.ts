import type { Knex } from 'knex';
import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import {
  countReport,
  type ConformanceReport,
  type RunProgress,
  type RunRecord,
  type RunStatus,
  type RunTrigger,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceStore,
  NewArtifact,
  NewRun,
  RunClaim,
  StoredOutcome,
  StoredRun,
} from './ConformanceStore';
import {
  writeClusterSummary,
  writeClusterSummaryOfRun,
} from './DatabaseClusterSummaryStore';

/** The knex migrations of this plugin (kept at the package root). */
const migrationsDirectory = resolvePackagePath(
  '@ai-conformance/plugin-ai-conformance-backend',
  'migrations',
);

const RUNS = 'ai_conformance_runs';
const RESULTS = 'ai_conformance_results';
const ARTIFACTS = 'ai_conformance_artifacts';

type RunRow = {
  run_id: string;
  entity_ref: string;
  status: string;
  trigger: string;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress_done: number;
  progress_total: number;
  progress_phase: string | null;
  dry_run_probes: boolean | number;
  mode: string | null;
  verdict: string | null;
  requirements_version: string | null;
  must_passed: number | null;
  must_total: number | null;
  should_passed: number | null;
  should_total: number | null;
  platform: string | null;
  kubernetes_version: string | null;
  report: string | null;
  error: string | null;
  owner_replica: string | null;
  lease_expires_at: string | null;
};

const ACTIVE = ['queued', 'running'];

/** A unique-index violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(e.message ?? '')) ||
    /UNIQUE constraint failed/i.test(e?.message ?? '')
  );
}

const SUMMARY_COLUMNS = [
  'run_id',
  'entity_ref',
  'status',
  'trigger',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'progress_done',
  'progress_total',
  'progress_phase',
  'dry_run_probes',
  'mode',
  'verdict',
  'requirements_version',
  'must_passed',
  'must_total',
  'should_passed',
  'should_total',
  'platform',
  'kubernetes_version',
  'error',
  'owner_replica',
  'lease_expires_at',
];

function toRun(row: RunRow): StoredRun {
  const run: StoredRun = {
    runId: row.run_id,
    entityRef: row.entity_ref,
    status: row.status as RunStatus,
    trigger: row.trigger as RunTrigger,
    progress: {
      done: Number(row.progress_done),
      total: Number(row.progress_total),
      ...(row.progress_phase ? { phase: row.progress_phase } : {}),
    },
    createdAt: row.created_at,
    dryRunProbes: Boolean(row.dry_run_probes),
    mode: row.mode === 'active' ? 'active' : 'passive',
  };
  if (row.started_at) run.startedAt = row.started_at;
  if (row.finished_at) run.finishedAt = row.finished_at;
  if (row.created_by) run.createdBy = row.created_by;
  if (row.verdict) run.verdict = row.verdict as RunRecord['verdict'];
  if (row.requirements_version) {
    run.requirementsVersion = row.requirements_version;
  }
  if (row.error) run.error = row.error;
  if (row.must_total !== null && row.must_total !== undefined) {
    run.counts = {
      mustPassed: Number(row.must_passed),
      mustTotal: Number(row.must_total),
      shouldPassed: Number(row.should_passed),
      shouldTotal: Number(row.should_total),
    };
  }
  if (row.platform) run.platform = row.platform;
  if (row.kubernetes_version) run.kubernetesVersion = row.kubernetes_version;
  if (row.owner_replica) run.ownerReplica = row.owner_replica;
  if (row.lease_expires_at) run.leaseExpiresAt = row.lease_expires_at;
  if (row.report) run.report = JSON.parse(row.report);
  return run;
}

/**
 * The {@link ConformanceStore} on the plugin's database (knex; SQLite and
 * PostgreSQL). {@link DatabaseConformanceStore.create} runs the plugin's
 * migrations unless the database service says to skip them.
 */
export class DatabaseConformanceStore implements ConformanceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseConformanceStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDirectory });
    }
    return new DatabaseConformanceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async createRun(run: NewRun): Promise<StoredRun> {
    await this.db(RUNS).insert(this.#newRunRow(run, 'queued'));
    return this.#inserted(run);
  }

  /** What follows the insert of a queued run: its cluster's summary, the stored run. */
  async #inserted(run: NewRun): Promise<StoredRun> {
    await writeClusterSummary(this.db, run.entityRef);
    return (await this.getRun(run.runId))!;
  }

  #newRunRow(run: NewRun, status: string) {
    return {
      run_id: run.runId,
      entity_ref: run.entityRef,
      status,
      trigger: run.trigger,
      created_by: run.createdBy ?? null,
      created_at: run.createdAt,
      dry_run_probes: Boolean(run.dryRunProbes),
      mode: run.mode ?? 'passive',
      owner_replica: run.ownerReplica ?? null,
      lease_expires_at: run.ownerReplica ? run.leaseExpiresAt ?? null : null,
      heartbeat_at: run.ownerReplica ? run.createdAt : null,
    };
  }

  async createActiveRun(
    run: NewRun,
  ): Promise<{ run: StoredRun; created: boolean }> {
    // A run that finishes between the failed insert and the read leaves no
    // active run: then the insert is tried again.
    for (let attempt = 0; ; attempt++) {
      const existing = await this.findActiveRun(run.entityRef);
      if (existing) return { run: existing, created: false };
      try {
        await this.db(RUNS).insert(this.#newRunRow(run, 'queued'));
      } catch (error) {
        // Only the insert's own conflict means another run won.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
        continue;
      }
      return { run: await this.#inserted(run), created: true };
    }
  }

  async recordFinishedRun(
    run: NewRun,
    report: ConformanceReport,
    finishedAt: string,
    options: { artifacts?: NewArtifact[] } = {},
  ): Promise<StoredRun> {
    await this.db.transaction(async tx => {
      await tx(RUNS).insert({
        ...this.#newRunRow(run, 'running'),
        // Never active: an upload does not compete with a queued or running run.
        status: 'succeeded',
        started_at: run.createdAt,
      });
      await this.#storeReport(
        tx,
        run.runId,
        run.entityRef,
        report,
        finishedAt,
        {
          artifacts: options.artifacts,
        },
      );
    });
    return (await this.getRun(run.runId))!;
  }

  async claimQueuedRuns(claim: RunClaim, limit: number): Promise<StoredRun[]> {
    if (limit < 1) return [];
    const claimed: string[] = [];
    const assignment = {
      owner_replica: claim.ownerReplica,
      lease_expires_at: claim.leaseExpiresAt,
      heartbeat_at: claim.now,
    };
    if (this.db.client.config.client === 'pg') {
      await this.db.transaction(async tx => {
        const rows = await tx(RUNS)
          .select('run_id')
          .where({ status: 'queued' })
          .whereNull('owner_replica')
          .orderBy([{ column: 'created_at' }, { column: 'run_id' }])
          .limit(limit)
          .forUpdate()
          .skipLocked();
        const ids = rows.map(r => r.run_id as string);
        if (ids.length === 0) return;
        await tx(RUNS).whereIn('run_id', ids).update(assignment);
        claimed.push(...ids);
      });
    } else {
      // Candidates may be taken by another replica between the read and
      // the conditional update: then the next ones are tried.
      const tried = new Set<string>();
      for (let round = 0; round < 5 && claimed.length < limit; round++) {
        const rows = await this.db(RUNS)
          .select('run_id')
          .where({ status: 'queued' })
          .whereNull('owner_replica')
          .orderBy([{ column: 'created_at' }, { column: 'run_id' }])
          .limit(limit * 2 + tried.size);
        const fresh = rows.filter(r => !tried.has(r.run_id));
        if (fresh.length === 0) break;
        for (const row of fresh) {
          if (claimed.length >= limit) break;
          tried.add(row.run_id);
          const updated = await this.db(RUNS)
            .where({ run_id: row.run_id, status: 'queued' })
            .whereNull('owner_replica')
            .update(assignment);
          if (updated === 1) claimed.push(row.run_id);
        }
      }
    }
    const runs: StoredRun[] = [];
    for (const runId of claimed) {
      const run = await this.getRun(runId, { withReport: false });
      if (run) runs.push(run);
    }
    return runs;
  }

  async renewLeases(claim: RunClaim, runIds: string[]): Promise<number> {
    let renewed = 0;
    for (let i = 0; i < runIds.length; i += 500) {
      renewed += await this.db(RUNS)
        .whereIn('run_id', runIds.slice(i, i + 500))
        .where({ owner_replica: claim.ownerReplica })
        .whereIn('status', ACTIVE)
        .update({
          lease_expires_at: claim.leaseExpiresAt,
          heartbeat_at: claim.now,
        });
    }
    return renewed;
  }

  async failExpiredRuns(error: string, now: string): Promise<StoredRun[]> {
    const rows = (await this.db(RUNS)
      .select(SUMMARY_COLUMNS)
      .whereIn('status', ACTIVE)
      .where(q =>
        q
          .where(owned =>
            owned
              .whereNotNull('owner_replica')
              .where(lease =>
                lease
                  .whereNull('lease_expires_at')
                  .orWhere('lease_expires_at', '<', now),
              ),
          )
          .orWhere(legacy =>
            legacy.whereNull('owner_replica').where({ status: 'running' }),
          ),
      )
      .limit(1000)) as RunRow[];
    const failed: StoredRun[] = [];
    for (const row of rows) {
      // Failed only if nothing changed since it was read (no heartbeat, no
      // other replica's recovery): each expired run is failed exactly once.
      let query = this.db(RUNS)
        .where({ run_id: row.run_id, status: row.status })
        .whereIn('status', ACTIVE);
      query = row.owner_replica
        ? query.where({ owner_replica: row.owner_replica })
        : query.whereNull('owner_replica');
      query = row.lease_expires_at
        ? query.where({ lease_expires_at: row.lease_expires_at })
        : query.whereNull('lease_expires_at');
      const updated = await query.update({
        status: 'failed',
        error,
        finished_at: now,
      });
      if (updated === 1) {
        await writeClusterSummary(this.db, row.entity_ref);
        failed.push(
          toRun({ ...row, status: 'failed', error, finished_at: now }),
        );
      }
    }
    return failed;
  }

  async countActiveRuns(runIds: string[]): Promise<number> {
    let count = 0;
    for (let i = 0; i < runIds.length; i += 500) {
      const [row] = await this.db(RUNS)
        .count({ n: '*' })
        .whereIn('run_id', runIds.slice(i, i + 500))
        .whereIn('status', ACTIVE);
      count += Number(row?.n ?? 0);
    }
    return count;
  }

  async getRun(
    runId: string,
    options: { withReport?: boolean } = {},
  ): Promise<StoredRun | undefined> {
    const row = await this.db(RUNS)
      .select(
        options.withReport === false
          ? SUMMARY_COLUMNS
          : [...SUMMARY_COLUMNS, 'report'],
      )
      .where({ run_id: runId })
      .first();
    return row ? toRun(row as RunRow) : undefined;
  }

  /** The queued or running run of a cluster, if any. */
  async findActiveRun(entityRef: string): Promise<StoredRun | undefined> {
    const row = await this.db(RUNS)
      .select(SUMMARY_COLUMNS)
      .where({ entity_ref: entityRef })
      .whereIn('status', ['queued', 'running'])
      .orderBy('created_at', 'desc')
      .first();
    return row ? toRun(row as RunRow) : undefined;
  }

  /** The run while it is queued or running (and owned by `ownerReplica` when given). */
  #activeRun(runId: string, ownerReplica?: string) {
    return this.db(RUNS)
      .where({
        run_id: runId,
        ...(ownerReplica ? { owner_replica: ownerReplica } : {}),
      })
      .whereIn('status', ACTIVE);
  }

  async markRunning(
    runId: string,
    startedAt: string,
    options: { ownerReplica?: string } = {},
  ): Promise<boolean> {
    const updated = await this.#activeRun(runId, options.ownerReplica).update({
      status: 'running',
      started_at: startedAt,
    });
    if (updated === 1) await writeClusterSummaryOfRun(this.db, runId);
    return updated === 1;
  }

  async updateProgress(runId: string, progress: RunProgress): Promise<void> {
    await this.db(RUNS)
      .where({ run_id: runId })
      .whereIn('status', ['queued', 'running'])
      .update({
        progress_done: progress.done,
        progress_total: progress.total,
        progress_phase: progress.phase ?? null,
      });
  }

  /** Stores a successful run's report, its per-requirement results and artifacts. */
  async completeRun(
    runId: string,
    report: ConformanceReport,
    finishedAt: string,
    options: {
      progress?: RunProgress;
      artifacts?: NewArtifact[];
      ownerReplica?: string;
    } = {},
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const run = await tx(RUNS)
        .select(['entity_ref', 'status', 'owner_replica'])
        .where({ run_id: runId })
        .first();
      if (!run) {
        throw new Error(`Run ${runId} does not exist`);
      }
      if (options.ownerReplica) {
        // Only the owner of the still active run stores its outcome.
        const kept = await tx(RUNS)
          .where({ run_id: runId, owner_replica: options.ownerReplica })
          .whereIn('status', ACTIVE)
          .update({ status: 'succeeded' });
        if (kept !== 1) return false;
      }
      await this.#storeReport(
        tx,
        runId,
        run.entity_ref,
        report,
        finishedAt,
        options,
      );
      return true;
    });
  }

  async #storeReport(
    tx: Knex.Transaction,
    runId: string,
    entityRef: string,
    report: ConformanceReport,
    finishedAt: string,
    options: { progress?: RunProgress; artifacts?: NewArtifact[] },
  ): Promise<void> {
    const counts = countReport(report);
    await tx(RUNS)
      .where({ run_id: runId })
      .update({
        status: 'succeeded',
        finished_at: finishedAt,
        verdict: report.verdict,
        requirements_version: report.requirementsVersion,
        must_passed: counts.mustPassed,
        must_total: counts.mustTotal,
        should_passed: counts.shouldPassed,
        should_total: counts.shouldTotal,
        platform: report.cluster.platform,
        kubernetes_version: report.cluster.kubernetesVersion ?? null,
        report: JSON.stringify(report),
        error: null,
        lease_expires_at: null,
        ...(options.progress
          ? {
              progress_done: options.progress.done,
              progress_total: options.progress.total,
              progress_phase: options.progress.phase ?? null,
            }
          : {}),
      });
    await tx(RESULTS).where({ run_id: runId }).delete();
    if (report.requirements.length > 0) {
      await tx(RESULTS).insert(
        report.requirements.map(r => ({
          run_id: runId,
          requirement_id: r.id,
          level: r.level,
          status: r.status,
          method: r.method,
        })),
      );
    }
    for (const a of options.artifacts ?? []) {
      await tx(ARTIFACTS).insert({
        run_id: runId,
        entity_ref: entityRef,
        kind: a.kind,
        content_type: a.contentType,
        size_bytes: Buffer.byteLength(a.content, 'utf8'),
        sha256: a.sha256,
        uploaded_by: a.uploadedBy ?? null,
        uploaded_at: a.uploadedAt,
        content: a.content,
      });
    }
    await writeClusterSummary(tx, entityRef);
  }

  async failRun(
    runId: string,
    error: string,
    finishedAt: string,
    options: { ownerReplica?: string } = {},
  ): Promise<boolean> {
    const updated = await this.#activeRun(runId, options.ownerReplica).update({
      status: 'failed',
      error,
      finished_at: finishedAt,
      lease_expires_at: null,
    });
    if (updated === 1) await writeClusterSummaryOfRun(this.db, runId);
    return updated === 1;
  }

  /** Marks every queued or running run as failed; returns how many. */
  async failUnfinishedRuns(error: string, finishedAt: string): Promise<number> {
    return this.db(RUNS)
      .whereIn('status', ['queued', 'running'])
      .update({ status: 'failed', error, finished_at: finishedAt });
  }

  /** Runs of one cluster, newest first. */
  async listRuns(
    entityRef: string,
    options: { limit: number; before?: string },
  ): Promise<StoredRun[]> {
    let query = this.db(RUNS)
      .select(SUMMARY_COLUMNS)
      .where({ entity_ref: entityRef });
    if (options.before) {
      query = query.where('created_at', '<', options.before);
    }
    const rows = await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'run_id', order: 'desc' },
      ])
      .limit(options.limit);
    return (rows as RunRow[]).map(toRun);
  }

  /** The newest run of a cluster, whatever its status. */
  async getLastRun(entityRef: string): Promise<StoredRun | undefined> {
    const [run] = await this.listRuns(entityRef, { limit: 1 });
    return run;
  }

  /**
   * The newest succeeded run of a cluster, with its report; only runs
   * evaluated against `requirementsVersion` when given.
   */
  async getLatestSucceeded(
    entityRef: string,
    requirementsVersion?: string,
  ): Promise<StoredRun | undefined> {
    const row = await this.db(RUNS)
      .where({
        entity_ref: entityRef,
        status: 'succeeded',
        ...(requirementsVersion
          ? { requirements_version: requirementsVersion }
          : {}),
      })
      .orderBy([
        { column: 'finished_at', order: 'desc' },
        { column: 'run_id', order: 'desc' },
      ])
      .first();
    return row ? toRun(row as RunRow) : undefined;
  }

  async getLatestArtifacts(
    entityRef: string,
    kinds: NewArtifact['kind'][],
  ): Promise<Map<NewArtifact['kind'], string>> {
    const found = new Map<NewArtifact['kind'], string>();
    for (const kind of kinds) {
      const row = await this.db(ARTIFACTS)
        .select('content')
        .where({ entity_ref: entityRef, kind })
        .orderBy([
          { column: 'uploaded_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first();
      if (row) found.set(kind, String(row.content));
    }
    return found;
  }

  /** The newest succeeded run of every cluster (without report bodies). */
  async listLatestSucceeded(): Promise<StoredRun[]> {
    const latest = this.db(RUNS)
      .select('entity_ref')
      .max({ finished_at: 'finished_at' })
      .where({ status: 'succeeded' })
      .groupBy('entity_ref')
      .as('latest');
    const rows = await this.db(`${RUNS} as r`)
      .select(SUMMARY_COLUMNS.map(c => `r.${c}`))
      .join(latest, function joinLatest() {
        this.on('r.entity_ref', '=', 'latest.entity_ref').andOn(
          'r.finished_at',
          '=',
          'latest.finished_at',
        );
      })
      .where('r.status', 'succeeded')
      .orderBy('r.entity_ref');
    const byRef = new Map<string, StoredRun>();
    for (const row of rows as RunRow[]) {
      if (!byRef.has(row.entity_ref)) byRef.set(row.entity_ref, toRun(row));
    }
    return [...byRef.values()];
  }

  /** Creation time of the newest run (any status) of every cluster. */
  async listLastRunTimes(): Promise<Map<string, string>> {
    const rows = await this.db(RUNS)
      .select('entity_ref')
      .max({ last: 'created_at' })
      .groupBy('entity_ref');
    return new Map(
      (rows as Array<{ entity_ref: string; last: string }>).map(r => [
        r.entity_ref,
        String(r.last),
      ]),
    );
  }

  /** Per run: each requirement's id, level and status. */
  async getResultOutcomes(
    runIds: string[],
  ): Promise<Map<string, StoredOutcome[]>> {
    const out = new Map<string, StoredOutcome[]>();
    for (let i = 0; i < runIds.length; i += 500) {
      const rows = await this.db(RESULTS)
        .select(['run_id', 'requirement_id', 'level', 'status'])
        .whereIn('run_id', runIds.slice(i, i + 500));
      for (const row of rows) {
        const outcomes = out.get(row.run_id) ?? [];
        outcomes.push({
          id: row.requirement_id,
          level: row.level,
          status: row.status,
        });
        out.set(row.run_id, outcomes);
      }
    }
    return out;
  }

  /**
   * Keeps the newest `keep` finished runs of a cluster and deletes older
   * ones (with their results and artifacts). Returns how many were deleted.
   */
  async pruneRuns(entityRef: string, keep: number): Promise<number> {
    const old = await this.db(RUNS)
      .select('run_id')
      .where({ entity_ref: entityRef })
      .whereIn('status', ['succeeded', 'failed'])
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'run_id', order: 'desc' },
      ])
      .offset(keep)
      .limit(10_000);
    const ids = old.map(r => r.run_id as string);
    if (ids.length === 0) return 0;
    await this.db.transaction(async tx => {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await tx(ARTIFACTS).whereIn('run_id', chunk).delete();
        await tx(RESULTS).whereIn('run_id', chunk).delete();
        await tx(RUNS).whereIn('run_id', chunk).delete();
      }
      await writeClusterSummary(tx, entityRef);
    });
    return ids.length;
  }
}
