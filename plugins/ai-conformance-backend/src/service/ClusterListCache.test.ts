import { ClusterListCache, type CachedClusterList } from './ClusterListCache';

const answer = (generation: string, at: number, json = '{}') =>
  ({
    generation,
    at,
    json,
    digest: 'd',
    body: { items: [], totalCount: 0, offset: 0, limit: 50 },
  } as CachedClusterList);

describe('ClusterListCache', () => {
  it('reuses an answer only while the generation is the same and it is young', () => {
    const cache = new ClusterListCache({ maxAgeMs: 2000 });
    const first = answer('7', 1000);
    cache.set('page', first);
    expect(cache.get('page', '7', 1500)).toBe(first);
    expect(cache.get('other', '7', 1500)).toBeUndefined();
    // The summaries changed (here or on another replica).
    expect(cache.get('page', '8', 1500)).toBeUndefined();
    // Dropped: the old generation does not come back either.
    expect(cache.get('page', '7', 1500)).toBeUndefined();

    cache.set('page', answer('8', 1000));
    expect(cache.get('page', '8', 2999)).toBeDefined();
    expect(cache.get('page', '8', 3000)).toBeUndefined();
    // A clock that went back is not trusted either.
    cache.set('page', answer('8', 5000));
    expect(cache.get('page', '8', 4000)).toBeUndefined();
  });

  it('keeps at most maxChars of JSON, dropping the oldest answers first', () => {
    const cache = new ClusterListCache({ maxChars: 10 });
    cache.set('a', answer('1', 0, '1234'));
    cache.set('b', answer('1', 0, '1234'));
    cache.set('c', answer('1', 0, '1234'));
    expect(cache.get('a', '1', 1)).toBeUndefined();
    expect(cache.get('b', '1', 1)).toBeDefined();
    expect(cache.get('c', '1', 1)).toBeDefined();
    // An answer larger than the whole budget is not kept.
    cache.set('big', answer('1', 0, '12345678901'));
    expect(cache.get('big', '1', 1)).toBeUndefined();
    expect(cache.get('c', '1', 1)).toBeDefined();
  });
});
