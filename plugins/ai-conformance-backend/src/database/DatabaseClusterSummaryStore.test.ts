import type { Knex } from 'knex';
import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_GOLD_LEVEL_RULES,
  type ConformanceReport,
  type RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import { DatabaseConformanceStore } from './DatabaseConformanceStore';
import { DatabaseClusterSummaryStore } from './DatabaseClusterSummaryStore';
import type { ClusterSummaryQuery } from './ClusterSummaryStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
/** One hour after the runs: gold is still fresh. */
const NOW = new Date(Date.UTC(2026, 0, 1, 1));

function report(
  verdict: ConformanceReport['verdict'],
  options: {
    must?: RequirementStatus;
    should?: RequirementStatus;
    platform?: 'gke' | 'eks' | 'generic';
    version?: string;
    gpus?: number;
  } = {},
): ConformanceReport {
  const requirement = (
    id: string,
    level: 'MUST' | 'SHOULD',
    status: RequirementStatus,
  ) => ({
    id,
    category: 'accelerators' as const,
    level,
    conditional: false,
    title: id,
    status,
    method: 'passive' as const,
    summary: 's',
    evidence: [],
    remediation: [],
    errors: [],
  });
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: at(0),
    cluster: {
      name: 'a',
      platform: options.platform ?? 'eks',
      kubernetesVersion: options.version ?? 'v1.35.2-eks-1',
      accelerators: options.gpus
        ? [
            {
              resource: 'nvidia.com/gpu',
              nodes: 1,
              capacity: options.gpus,
              allocatable: options.gpus,
            },
          ]
        : [],
    },
    verdict,
    requirements: [
      requirement('dra_support', 'MUST', options.must ?? 'pass'),
      requirement('gpu_sharing', 'SHOULD', options.should ?? 'pass'),
    ],
    findings: [],
    stats: { apiRequests: 3, durationMs: 10 },
  };
}

describe.each(databases.ids)(
  'DatabaseClusterSummaryStore on %s',
  databaseId => {
    let db: Knex;
    let runs: DatabaseConformanceStore;
    let summaries: DatabaseClusterSummaryStore;
    let seq = 0;

    async function check(ref: string, r: ConformanceReport, n = ++seq) {
      const runId = `run-${n}`;
      await runs.createRun({
        runId,
        entityRef: ref,
        trigger: 'user',
        createdAt: at(n),
      });
      await runs.completeRun(runId, r, at(n));
      return runId;
    }

    const query = (
      q: Partial<ClusterSummaryQuery> = {},
    ): ClusterSummaryQuery => ({
      scope: { inCatalog: true },
      limit: 50,
      levels: { rules: DEFAULT_GOLD_LEVEL_RULES, now: NOW },
      ...q,
    });
    const refsOf = async (q: Partial<ClusterSummaryQuery>) =>
      (await summaries.list(query(q))).items.map(i => i.entityRef);

    beforeAll(async () => {
      db = await databases.init(databaseId);
      runs = await DatabaseConformanceStore.create({
        database: mockServices.database({ knex: db }),
      });
      summaries = new DatabaseClusterSummaryStore(db);
    });

    it('keeps one row per cluster through created, finished, failed and pruned runs', async () => {
      const ref = 'resource:default/life';
      await runs.createRun({
        runId: 'life-q',
        entityRef: ref,
        trigger: 'user',
        createdAt: at(100),
      });
      expect(await summaries.get(ref)).toMatchObject({
        verdict: null,
        lastRunId: 'life-q',
        lastRunStatus: 'queued',
        inCatalog: false,
      });
      await runs.completeRun(
        'life-q',
        report('conformant', { should: 'unknown', gpus: 8 }),
        at(101),
      );
      expect(await summaries.get(ref)).toMatchObject({
        verdict: 'conformant',
        requirementsVersion: '1.35',
        mustPassed: 1,
        mustTotal: 1,
        shouldPassed: 0,
        shouldTotal: 1,
        platform: 'eks',
        kubernetesVersion: 'v1.35.2-eks-1',
        acceleratorCount: 8,
        outcomes: [
          { id: 'dra_support', level: 'MUST', status: 'pass' },
          { id: 'gpu_sharing', level: 'SHOULD', status: 'unknown' },
        ],
        lastSucceededRunId: 'life-q',
        lastSucceededAt: at(101),
        lastRunStatus: 'succeeded',
        lastRunFinishedAt: at(101),
      });

      // A failed run is the last run; the verdict stays the last success's.
      await runs.createRun({
        runId: 'life-f',
        entityRef: ref,
        trigger: 'user',
        createdAt: at(102),
      });
      await runs.failRun('life-f', 'boom', at(103));
      expect(await summaries.get(ref)).toMatchObject({
        verdict: 'conformant',
        lastSucceededRunId: 'life-q',
        lastRunId: 'life-f',
        lastRunStatus: 'failed',
        lastRunCreatedAt: at(102),
        lastRunFinishedAt: at(103),
      });

      // Pruning down to the failed run leaves no succeeded run.
      await runs.pruneRuns(ref, 1);
      expect(await summaries.get(ref)).toMatchObject({
        verdict: null,
        mustTotal: 0,
        outcomes: [],
        lastSucceededRunId: null,
        lastRunId: 'life-f',
      });
      await runs.pruneRuns(ref, 0);
      // No runs and no catalog entity: no row.
      expect(await summaries.get(ref)).toBeUndefined();
    });

    it('filters, sorts and pages the catalog clusters, unchecked ones included', async () => {
      const refs = {
        gold: 'resource:default/alpha-gold',
        silver: 'resource:default/bravo-silver',
        bronze: 'resource:default/charlie-bronze',
        none: 'resource:default/delta-none',
        staleGold: 'resource:default/echo-stale',
        unchecked: 'resource:default/foxtrot-new',
        gone: 'resource:default/gone',
        otherKind: 'component:default/not-a-cluster',
      };
      await check(
        refs.gold,
        report('conformant', {
          platform: 'gke',
          version: 'v1.35.0-gke.2232000',
        }),
      );
      await check(refs.silver, report('conformant', { should: 'fail' }));
      await check(refs.bronze, report('incomplete', { must: 'unknown' }));
      await check(
        refs.none,
        report('not-conformant', { must: 'fail', version: 'v1.34.1' }),
      );
      await check(refs.staleGold, report('conformant'), -8 * 86_400);
      await check(refs.gone, report('conformant'));
      await check(refs.otherKind, report('conformant'));
      await summaries.syncCatalog(
        [
          { entityRef: refs.gold, owner: 'group:default/a', title: 'Zulu' },
          { entityRef: refs.silver, owner: 'group:default/b' },
          { entityRef: refs.bronze, owner: 'group:default/a' },
          { entityRef: refs.none },
          { entityRef: refs.staleGold },
          { entityRef: refs.unchecked },
        ],
        async candidates => candidates.filter(r => r === refs.otherKind),
      );
      expect(await summaries.get(refs.gold)).toMatchObject({
        owner: 'group:default/a',
        title: 'Zulu',
        failed: 0,
      });
      expect((await summaries.get(refs.none))?.failed).toBe(1);

      const all = await summaries.list(query());
      expect(all.totalCount).toBe(7);
      expect(all.items.map(i => i.entityRef)).toEqual([
        refs.gold,
        refs.silver,
        refs.bronze,
        refs.none,
        refs.staleGold,
        refs.unchecked,
        refs.otherKind,
      ]);
      expect(all.items.find(i => i.entityRef === refs.unchecked)).toMatchObject(
        {
          verdict: null,
          lastRunId: null,
          inCatalog: true,
        },
      );

      // Levels as computeConformanceLevel decides them: too old is silver.
      expect(await refsOf({ level: ['gold'] })).toEqual([
        refs.gold,
        refs.otherKind,
      ]);
      expect(await refsOf({ level: ['silver'] })).toEqual([
        refs.silver,
        refs.staleGold,
      ]);
      expect(await refsOf({ level: ['none', 'unchecked'] })).toEqual([
        refs.none,
        refs.unchecked,
      ]);
      expect(
        await refsOf({
          level: ['gold'],
          levels: {
            rules: { ...DEFAULT_GOLD_LEVEL_RULES, maxAgeDays: 10_000 },
            now: NOW,
          },
        }),
      ).toEqual([refs.gold, refs.staleGold, refs.otherKind]);

      expect(
        await refsOf({ verdict: ['incomplete', 'not-conformant'] }),
      ).toEqual([refs.bronze, refs.none]);
      expect(await refsOf({ verdict: ['unchecked'] })).toEqual([
        refs.unchecked,
      ]);
      expect(await refsOf({ platform: ['gke'] })).toEqual([refs.gold]);
      expect(await refsOf({ kubernetesVersion: '1.34' })).toEqual([refs.none]);
      expect(await refsOf({ kubernetesVersion: 'v1.35.0' })).toEqual([
        refs.gold,
      ]);
      expect(await refsOf({ text: 'RAVO' })).toEqual([refs.silver]);
      // LIKE wildcards in the text are literal.
      expect(await refsOf({ text: '%' })).toEqual([]);
      expect(await refsOf({ text: '_' })).toEqual([]);

      expect(await refsOf({ sort: 'name', order: 'desc' })).toEqual([
        refs.otherKind,
        refs.unchecked,
        refs.staleGold,
        refs.none,
        refs.bronze,
        refs.silver,
        refs.gold,
      ]);
      expect(await refsOf({ sort: 'level', order: 'desc' })).toEqual([
        refs.gold,
        refs.otherKind,
        refs.silver,
        refs.staleGold,
        refs.bronze,
        refs.none,
        refs.unchecked,
      ]);
      expect(await refsOf({ sort: 'verdict' })).toEqual([
        refs.unchecked,
        refs.none,
        refs.bronze,
        refs.gold,
        refs.silver,
        refs.staleGold,
        refs.otherKind,
      ]);
      expect(
        (await refsOf({ sort: 'lastRun', order: 'desc' })).slice(0, 2),
      ).toEqual([refs.otherKind, refs.none]);

      expect(await refsOf({ owner: ['group:default/a'] })).toEqual([
        refs.gold,
        refs.bronze,
      ]);
      expect(await refsOf({ requirementsVersion: ['1.35'] })).toHaveLength(6);
      expect(await refsOf({ requirementsVersion: ['1.34'] })).toEqual([]);
      // The title is searched too.
      expect(await refsOf({ text: 'zul' })).toEqual([refs.gold]);
      expect(
        (await refsOf({ sort: 'failures', order: 'desc' })).slice(0, 2),
      ).toEqual([refs.silver, refs.none]); // one failure each, then by name
      expect((await refsOf({ sort: 'failures' }))[0]).toBe(refs.unchecked);

      expect(
        await summaries.facets({ inCatalog: true }, query().levels),
      ).toEqual({
        verdicts: {
          conformant: 4,
          incomplete: 1,
          'not-conformant': 1,
          unchecked: 1,
        },
        levels: { gold: 2, silver: 2, bronze: 1, none: 1, unchecked: 1 },
        platforms: ['eks', 'gke'],
        owners: ['group:default/a', 'group:default/b'],
        requirementsVersions: ['1.35'],
      });
      expect(
        (
          await summaries.facets(
            { refs: [refs.none, refs.gone] },
            query().levels,
          )
        ).verdicts,
      ).toEqual({ 'not-conformant': 1, conformant: 1 });

      const page = await summaries.list(
        query({ sort: 'name', offset: 2, limit: 2 }),
      );
      expect(page.totalCount).toBe(7);
      expect(page.items.map(i => i.entityRef)).toEqual([
        refs.bronze,
        refs.none,
      ]);

      // A caller's own set: only those refs, filtered and paged the same way.
      const mine = await summaries.list(
        query({
          scope: { refs: [refs.none, refs.gold, refs.unchecked, refs.gone] },
          offset: 1,
          limit: 2,
        }),
      );
      expect(mine.totalCount).toBe(4);
      expect(mine.items.map(i => i.entityRef)).toEqual([
        refs.none,
        refs.unchecked,
      ]);

      // An entity leaving the catalog drops out; one without runs loses its row.
      await summaries.syncCatalog([{ entityRef: refs.gold }], async () => []);
      // Owner and title follow the catalog.
      expect(await summaries.get(refs.gold)).toMatchObject({
        owner: null,
        title: null,
      });
      expect(await refsOf({})).toEqual([refs.gold]);
      expect(await summaries.get(refs.unchecked)).toBeUndefined();
      expect((await summaries.get(refs.silver))?.inCatalog).toBe(false);
      expect((await summaries.listChecked()).map(s => s.entityRef)).toContain(
        refs.silver,
      );
    });

    it('raises the generation with every change of the rows, and only then', async () => {
      const ref = 'resource:default/gen';
      const g0 = await summaries.generation();
      await runs.createRun({
        runId: 'gen-q',
        entityRef: ref,
        trigger: 'user',
        createdAt: at(700),
      });
      const g1 = await summaries.generation();
      expect(g1).not.toBe(g0);
      await runs.completeRun('gen-q', report('conformant'), at(701));
      const g2 = await summaries.generation();
      expect(g2).not.toBe(g1);

      // The catalog: a new cluster changes the rows, the same list again
      // does not.
      const catalog = (await summaries.listChecked())
        .filter(r => r.inCatalog)
        .map(r => ({
          entityRef: r.entityRef,
          owner: r.owner ?? undefined,
          title: r.title ?? undefined,
        }));
      const exists = async (refs: string[]) => refs;
      await summaries.syncCatalog(
        [...catalog, { entityRef: 'resource:default/gen-new' }],
        exists,
      );
      const g3 = await summaries.generation();
      expect(g3).not.toBe(g2);
      await summaries.syncCatalog(
        [...catalog, { entityRef: 'resource:default/gen-new' }],
        exists,
      );
      expect(await summaries.generation()).toBe(g3);
      // Its owner changes.
      await summaries.syncCatalog(
        [
          ...catalog,
          { entityRef: 'resource:default/gen-new', owner: 'group:default/x' },
        ],
        exists,
      );
      expect(await summaries.generation()).not.toBe(g3);
    });

    it('builds the rows of a database from before the read model', async () => {
      const ref = 'resource:default/old';
      await check(ref, report('conformant', { gpus: 2 }));
      await runs.createRun({
        runId: 'old-q',
        entityRef: ref,
        trigger: 'schedule',
        createdAt: at(900),
      });
      const written = await summaries.get(ref);
      const before = await summaries.listChecked();
      await db('ai_conformance_cluster_summaries').delete();

      expect(await summaries.backfill()).toBe(before.length);
      expect(await summaries.get(ref)).toEqual({
        ...written,
        updatedAt: expect.any(String),
      });
      expect(await summaries.backfill()).toBe(0);
    });
  },
);
