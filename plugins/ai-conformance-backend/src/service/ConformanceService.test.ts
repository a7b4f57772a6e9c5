import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { DatabaseConformanceStore } from '../database/DatabaseConformanceStore';
import { DatabaseClusterSummaryStore } from '../database/DatabaseClusterSummaryStore';
import { ConformanceService } from './ConformanceService';
import type { RunManager } from './RunManager';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

function report(status: 'pass' | 'fail'): ConformanceReport {
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: '2026-01-01T00:00:00.000Z',
    cluster: {
      name: 'a',
      platform: 'gke',
      kubernetesVersion: 'v1.35.0',
      accelerators: [],
    },
    verdict: status === 'pass' ? 'conformant' : 'not-conformant',
    requirements: [
      {
        id: 'dra_support',
        category: 'accelerators',
        level: 'MUST',
        conditional: false,
        title: 'DRA',
        status,
        method: 'passive',
        summary: 's',
        evidence: [],
        remediation: [],
        errors: [],
      },
    ],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
}

describe('ConformanceService summaries', () => {
  it('carry statuses and the level, as the HTTP list does', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseConformanceStore.create({
      database: mockServices.database({ knex }),
    });
    const now = new Date('2026-01-02T00:00:00.000Z');
    for (const [name, status] of [
      ['a', 'pass'],
      ['b', 'fail'],
    ] as const) {
      const runId = `run-${name}`;
      await store.createRun({
        runId,
        entityRef: `resource:default/${name}`,
        trigger: 'user',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      await store.completeRun(runId, report(status), '2026-01-01T00:01:00Z');
    }
    const service = new ConformanceService({
      store,
      summaries: new DatabaseClusterSummaryStore(knex),
      runs: {} as RunManager,
      auth: mockServices.auth(),
      now: () => now,
    });

    const all = await service.listLatest();
    expect(all.map(r => r.summary)).toEqual([
      expect.objectContaining({
        entityRef: 'resource:default/a',
        verdict: 'conformant',
        statuses: { dra_support: 'pass' },
        level: 'silver',
        lastRunAt: '2026-01-01T00:00:00.000Z',
      }),
      expect.objectContaining({
        entityRef: 'resource:default/b',
        verdict: 'not-conformant',
        statuses: { dra_support: 'fail' },
        level: 'none',
      }),
    ]);
    expect(all[0].report?.verdict).toBe('conformant');

    const one = await service.getLatest('resource:default/b');
    expect(one?.summary).toEqual(all[1].summary);
    expect(one?.report?.requirements[0].status).toBe('fail');
    expect(await service.getLatest('resource:default/none')).toBeUndefined();

    // The stored summaries say the same without reading a report.
    const summaries = await service.listSummaries();
    expect(summaries).toEqual(
      all.map(r =>
        expect.objectContaining({
          ...r.summary,
          checkedAt: '2026-01-01T00:01:00Z',
          lastRunStatus: 'succeeded',
          acceleratorCount: 0,
        }),
      ),
    );
  });
});
