/*
 * A run's mode: `passive` (reads only, every run so far) or `active` (test
 * workloads created on the cluster). An interrupted active run's objects
 * are swept by the replica that marks it interrupted.
 */

const RUNS = 'ai_conformance_runs';

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable(RUNS, table => {
    table.string('mode', 16).notNullable().defaultTo('passive');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable(RUNS, table => {
    table.dropColumn('mode');
  });
};
