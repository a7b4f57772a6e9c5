/*
 * The fleet's read model: one row per cluster with what `GET /clusters`,
 * the fleet page, Tech Insights facts and catalog labels show, so none of
 * them reads report bodies. Rows are written in the transaction that
 * creates, finishes or prunes a run of the cluster; catalog clusters never
 * checked have a row without a verdict. Rows of existing databases are
 * built from the runs and results tables when the plugin starts
 * (`DatabaseClusterSummaryStore.backfill`).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('ai_conformance_cluster_summaries', table => {
    table.string('entity_ref', 512).primary();
    // Lower-case entity name and namespace: text filter and name sort.
    table.string('name', 256).notNullable();
    table.string('namespace', 256).notNullable();
    // The entity exists in the catalog (as last seen by the catalog sync),
    // with its owner and title from there.
    table.boolean('in_catalog').notNullable().defaultTo(false);
    table.string('owner', 512);
    table.string('title', 512);
    // Latest succeeded run.
    table.string('verdict', 32);
    table.string('requirements_version', 16);
    table.integer('must_passed').notNullable().defaultTo(0);
    table.integer('must_total').notNullable().defaultTo(0);
    table.integer('should_passed').notNullable().defaultTo(0);
    table.integer('should_total').notNullable().defaultTo(0);
    // Inputs of the scorecard level, so it can be filtered and sorted on.
    table.integer('must_failed').notNullable().defaultTo(0);
    // Requirements that fail (any level): the fleet page's default order.
    table.integer('failed').notNullable().defaultTo(0);
    table.integer('should_unmet').notNullable().defaultTo(0);
    table.boolean('gke_certified').notNullable().defaultTo(false);
    table.string('platform', 32);
    table.string('kubernetes_version', 64);
    table.integer('accelerator_count').notNullable().defaultTo(0);
    // JSON: [{ id, level, status }] of every requirement of that run.
    table.text('outcomes');
    table.string('last_succeeded_run_id', 64);
    table.string('last_succeeded_at', 32);
    // Newest run of any status.
    table.string('last_run_id', 64);
    table.string('last_run_status', 16);
    table.string('last_run_created_at', 32);
    table.string('last_run_finished_at', 32);
    table.string('updated_at', 32).notNullable();
    table.index(['name'], 'ai_conformance_cluster_summaries_name_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_conformance_cluster_summaries');
};
