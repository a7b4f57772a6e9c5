/*
 * Cheaper fleet reads (`GET /clusters`):
 * - an index on (in_catalog, name, entity_ref) serves the default page, the
 *   catalog clusters in name order, and its count without reading rows;
 * - a one-row generation counter, raised after every change of the
 *   summaries, tells a replica whether a page it answered before is still
 *   current without reading the page again.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('ai_conformance_cluster_summaries', table => {
    table.index(
      ['in_catalog', 'name', 'entity_ref'],
      'ai_conformance_cluster_summaries_catalog_name_idx',
    );
  });
  await knex.schema.createTable(
    'ai_conformance_cluster_summaries_generation',
    table => {
      table.integer('id').primary();
      table.bigInteger('generation').notNullable().defaultTo(0);
    },
  );
  await knex('ai_conformance_cluster_summaries_generation').insert({
    id: 1,
    generation: 0,
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('ai_conformance_cluster_summaries_generation');
  await knex.schema.alterTable('ai_conformance_cluster_summaries', table => {
    table.dropIndex(
      ['in_catalog', 'name', 'entity_ref'],
      'ai_conformance_cluster_summaries_catalog_name_idx',
    );
  });
};
