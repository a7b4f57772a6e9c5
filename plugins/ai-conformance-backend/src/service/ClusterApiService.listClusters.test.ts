import { mockCredentials } from '@backstage/backend-test-utils';
import { gunzipSync } from 'node:zlib';
import type { ClusterSummaryStore } from '../database/ClusterSummaryStore';
import { ClusterApiService } from './ClusterApiService';

/** listClusters over a summaries double that counts its reads. */
function setup(scope: { inCatalog: true } | { refs: string[] }) {
  let generation = 1;
  let now = Date.UTC(2026, 11, 1);
  let verdict: 'conformant' | 'not-conformant' = 'conformant';
  const summaries = {
    generation: jest.fn(async () => String(generation)),
    facets: jest.fn(),
    list: jest.fn(async () => ({
      totalCount: 1,
      items: [
        {
          entityRef: 'resource:default/a',
          inCatalog: true,
          owner: null,
          title: null,
          verdict,
          requirementsVersion: '1.35',
          mustPassed: 1,
          mustTotal: 1,
          shouldPassed: 0,
          shouldTotal: 0,
          platform: 'eks',
          kubernetesVersion: 'v1.35.0',
          acceleratorCount: 0,
          failed: 0,
          outcomes: [],
          lastSucceededRunId: 'r',
          lastSucceededAt: new Date(Date.UTC(2026, 10, 30)).toISOString(),
          lastRunId: 'r',
          lastRunStatus: 'succeeded' as const,
          lastRunCreatedAt: null,
          lastRunFinishedAt: null,
          updatedAt: new Date(Date.UTC(2026, 10, 30)).toISOString(),
        },
      ],
    })),
  };
  const api = new ClusterApiService({
    summaries: summaries as unknown as ClusterSummaryStore,
    visibility: { scope: async () => scope },
    now: () => new Date(now),
    selfAssessmentMetadata: {} as any,
  } as unknown as ConstructorParameters<typeof ClusterApiService>[0]);
  return {
    api,
    summaries,
    change: (v: typeof verdict) => {
      verdict = v;
      generation++;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ClusterApiService.listClusters', () => {
  const jane = mockCredentials.user('user:default/jane');
  const joe = mockCredentials.user('user:default/joe');

  it('answers the whole catalog fleet from one read until the summaries change', async () => {
    const { api, summaries, change, advance } = setup({ inCatalog: true });
    const first = await api.listClusters(jane, { limit: 50 });
    const again = await api.listClusters(jane, { limit: 50 });
    const other = await api.listClusters(joe, { limit: 50 });
    expect(summaries.list).toHaveBeenCalledTimes(1);
    expect(again.json).toBe(first.json);
    // One entity tag per caller, the same body.
    expect(again.etag).toBe(first.etag);
    expect(other.json).toBe(first.json);
    expect(other.etag).not.toBe(first.etag);
    // Another query is read on its own.
    await api.listClusters(jane, { limit: 10 });
    expect(summaries.list).toHaveBeenCalledTimes(2);

    // A run finished (on any replica): the next answer shows it.
    change('not-conformant');
    const changed = await api.listClusters(jane, { limit: 50 });
    expect(summaries.list).toHaveBeenCalledTimes(3);
    expect(changed.body.items[0].verdict).toBe('not-conformant');
    expect(changed.etag).not.toBe(first.etag);

    // Levels depend on the time: an answer is at most 2 s old.
    advance(1999);
    await api.listClusters(jane, { limit: 50 });
    expect(summaries.list).toHaveBeenCalledTimes(3);
    advance(1);
    await api.listClusters(jane, { limit: 50 });
    expect(summaries.list).toHaveBeenCalledTimes(4);
  });

  it('reads once for concurrent requests that find no current answer', async () => {
    const { api, summaries, change } = setup({ inCatalog: true });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.listClusters(jane, { limit: 50 })),
    );
    expect(summaries.list).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map(a => a.json)).size).toBe(1);
    // A failed read fails the requests that waited for it, not later ones.
    change('not-conformant');
    summaries.list.mockRejectedValueOnce(new Error('database gone'));
    const failed = await Promise.allSettled([
      api.listClusters(jane, { limit: 50 }),
      api.listClusters(joe, { limit: 50 }),
    ]);
    expect(failed.map(f => f.status)).toEqual(['rejected', 'rejected']);
    expect(summaries.list).toHaveBeenCalledTimes(2);
    const after = await api.listClusters(jane, { limit: 50 });
    expect(after.body.items[0].verdict).toBe('not-conformant');
    expect(summaries.list).toHaveBeenCalledTimes(3);
  });

  it('reads again for every caller whose set is decided per cluster', async () => {
    const { api, summaries } = setup({ refs: ['resource:default/a'] });
    await api.listClusters(jane, { limit: 50 });
    await api.listClusters(jane, { limit: 50 });
    expect(summaries.list).toHaveBeenCalledTimes(2);
    expect(summaries.generation).not.toHaveBeenCalled();
  });

  it('compresses an answer once, to the same JSON', async () => {
    const { api } = setup({ inCatalog: true });
    const answer = await api.listClusters(jane, { limit: 50 });
    const gzip = answer.gzip();
    expect(gunzipSync(gzip).toString('utf8')).toBe(answer.json);
    expect((await api.listClusters(joe, { limit: 50 })).gzip()).toBe(gzip);
  });
});
