import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ClusterSummaryStore } from '../database/ClusterSummaryStore';
import type { ClusterAccess } from './ClusterAccess';
import { FleetVisibility } from './FleetVisibility';

function setup(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const waiting: Array<() => void> = [];
  const authorizeConditional = jest.fn(async (requests: unknown[]) => {
    await new Promise<void>(r => waiting.push(r));
    return requests.map(() => ({ result }));
  });
  const access = {
    listClusterEntities: jest.fn(async () => [
      { entityRef: 'resource:default/a' },
    ]),
    existing: jest.fn(async () => []),
  };
  const summaries = { syncCatalog: jest.fn(async () => {}) };
  let now = 0;
  const visibility = new FleetVisibility({
    access: access as unknown as ClusterAccess,
    permissions: { authorizeConditional } as unknown as PermissionsService,
    auth: mockServices.auth(),
    summaries: summaries as unknown as ClusterSummaryStore,
    now: () => now,
  });
  return {
    visibility,
    authorizeConditional,
    summaries,
    release: () => waiting.splice(0).forEach(r => r()),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('FleetVisibility', () => {
  it('shares one permission request among concurrent calls of one caller, never across callers or over time', async () => {
    const { visibility, authorizeConditional, release } = setup(
      AuthorizeResult.ALLOW,
    );
    const jane = mockCredentials.user('user:default/jane');
    const joe = mockCredentials.user('user:default/joe');
    const first = visibility.scope(jane);
    const second = visibility.scope(jane);
    await new Promise(r => setImmediate(r));
    expect(authorizeConditional).toHaveBeenCalledTimes(1);
    const other = visibility.scope(joe);
    await new Promise(r => setImmediate(r));
    expect(authorizeConditional).toHaveBeenCalledTimes(2);
    release();
    await expect(first).resolves.toEqual({ inCatalog: true });
    await expect(second).resolves.toEqual({ inCatalog: true });
    await expect(other).resolves.toEqual({ inCatalog: true });

    // Answered requests are not kept: the next call asks again.
    const later = visibility.scope(jane);
    await new Promise(r => setImmediate(r));
    expect(authorizeConditional).toHaveBeenCalledTimes(3);
    release();
    await later;
  });

  it('lists nothing when reads are denied, and reads the catalog at most once per interval', async () => {
    const { visibility, summaries, release, advance } = setup(
      AuthorizeResult.DENY,
    );
    const jane = mockCredentials.user('user:default/jane');
    const denied = visibility.scope(jane);
    await new Promise(r => setImmediate(r));
    release();
    await expect(denied).resolves.toEqual({ refs: [] });

    await visibility.syncCatalog();
    await visibility.syncCatalog();
    expect(summaries.syncCatalog).toHaveBeenCalledTimes(1);
    advance(10_000);
    await visibility.syncCatalog({ force: true });
    expect(summaries.syncCatalog).toHaveBeenCalledTimes(2);
  });
});
