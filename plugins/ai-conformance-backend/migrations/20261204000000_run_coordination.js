/*
 * Run coordination between backend replicas on one database: the replica
 * executing a run (`owner_replica`) holds a lease it renews with a heartbeat
 * (`heartbeat_at`, `lease_expires_at`, ISO-8601 UTC strings like the other
 * timestamps). At most one queued or running run per cluster, enforced by a
 * unique partial index (SQLite and PostgreSQL both support `WHERE`).
 */

const RUNS = 'ai_conformance_runs';
const ONE_ACTIVE = 'ai_conformance_runs_one_active_idx';
const QUEUE = 'ai_conformance_runs_queue_idx';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable(RUNS, table => {
    table.string('owner_replica', 128);
    table.string('lease_expires_at', 32);
    table.string('heartbeat_at', 32);
  });
  // Runs left active by the single-process version: keep the newest per
  // cluster, fail the others, so that the unique index can be built.
  const active = await knex(RUNS)
    .select(['run_id', 'entity_ref', 'created_at'])
    .whereIn('status', ['queued', 'running'])
    .orderBy([
      { column: 'entity_ref' },
      { column: 'created_at', order: 'desc' },
      { column: 'run_id', order: 'desc' },
    ]);
  const seen = new Set();
  const duplicates = [];
  for (const row of active) {
    if (seen.has(row.entity_ref)) duplicates.push(row.run_id);
    else seen.add(row.entity_ref);
  }
  for (let i = 0; i < duplicates.length; i += 500) {
    await knex(RUNS)
      .whereIn('run_id', duplicates.slice(i, i + 500))
      .update({
        status: 'failed',
        error: 'Superseded: another run of this cluster was active',
        finished_at: new Date().toISOString(),
      });
  }
  await knex.raw(
    `CREATE UNIQUE INDEX ${ONE_ACTIVE} ON ${RUNS} (entity_ref) WHERE status IN ('queued', 'running')`,
  );
  await knex.schema.alterTable(RUNS, table => {
    table.index(['status', 'owner_replica', 'created_at'], QUEUE);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable(RUNS, table => {
    table.dropIndex(['status', 'owner_replica', 'created_at'], QUEUE);
  });
  await knex.raw(`DROP INDEX ${ONE_ACTIVE}`);
  await knex.schema.alterTable(RUNS, table => {
    table.dropColumn('heartbeat_at');
    table.dropColumn('lease_expires_at');
    table.dropColumn('owner_replica');
  });
};
