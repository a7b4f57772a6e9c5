/*
 * Runs, per-requirement results, uploaded artifacts and settings of the
 * AI Conformance backend. Timestamps are ISO-8601 UTC strings, which sort
 * the same way on SQLite and PostgreSQL.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_conformance_runs', table => {
    table.string('run_id', 64).primary();
    table.string('entity_ref', 512).notNullable();
    table.string('status', 16).notNullable();
    table.string('trigger', 16).notNullable();
    table.string('created_by', 512);
    table.string('created_at', 32).notNullable();
    table.string('started_at', 32);
    table.string('finished_at', 32);
    table.integer('progress_done').notNullable().defaultTo(0);
    table.integer('progress_total').notNullable().defaultTo(0);
    table.string('progress_phase', 64);
    table.boolean('dry_run_probes').notNullable().defaultTo(false);
    table.string('verdict', 32);
    table.string('requirements_version', 16);
    table.integer('must_passed');
    table.integer('must_total');
    table.integer('should_passed');
    table.integer('should_total');
    table.string('platform', 32);
    table.string('kubernetes_version', 64);
    table.text('report');
    table.text('error');
    table.index(['entity_ref', 'created_at'], 'ai_conformance_runs_entity_idx');
    table.index(['status'], 'ai_conformance_runs_status_idx');
  });

  await knex.schema.createTable('ai_conformance_results', table => {
    table
      .string('run_id', 64)
      .notNullable()
      .references('run_id')
      .inTable('ai_conformance_runs')
      .onDelete('CASCADE');
    table.string('requirement_id', 128).notNullable();
    table.string('level', 8).notNullable();
    table.string('status', 16).notNullable();
    table.string('method', 16).notNullable();
    table.primary(['run_id', 'requirement_id']);
  });

  await knex.schema.createTable('ai_conformance_artifacts', table => {
    table.increments('id');
    table
      .string('run_id', 64)
      .notNullable()
      .references('run_id')
      .inTable('ai_conformance_runs')
      .onDelete('CASCADE');
    table.string('entity_ref', 512).notNullable();
    table.string('kind', 32).notNullable();
    table.string('content_type', 128).notNullable();
    table.integer('size_bytes').notNullable();
    table.string('sha256', 64).notNullable();
    table.string('uploaded_by', 512);
    table.string('uploaded_at', 32).notNullable();
    table.text('content').notNullable();
    table.index(['run_id'], 'ai_conformance_artifacts_run_idx');
  });

  await knex.schema.createTable('ai_conformance_settings', table => {
    table.string('key', 128).primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_conformance_settings');
  await knex.schema.dropTable('ai_conformance_artifacts');
  await knex.schema.dropTable('ai_conformance_results');
  await knex.schema.dropTable('ai_conformance_runs');
};
