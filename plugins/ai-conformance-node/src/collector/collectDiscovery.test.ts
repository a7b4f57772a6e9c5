import { RequestFailure } from '../cluster/KubeApiClient';
import type { KubeResponse } from '../cluster/KubeApiClient';
import { collectDiscovery } from './collectDiscovery';

const AGGREGATED_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const aggregated = (items: unknown[]) => ({
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  items,
});
const group = (name: string | undefined, resources: string[]) => ({
  metadata: name === undefined ? {} : { name },
  versions: [
    {
      version: 'v1',
      freshness: 'Current',
      resources: resources.map(r => ({
        resource: r,
        responseKind: { kind: r },
        scope: 'Cluster',
        verbs: ['list'],
      })),
    },
  ],
});
const legacyApis = (names: string[]) => ({
  kind: 'APIGroupList',
  groups: names.map(name => ({
    name,
    versions: [{ groupVersion: `${name}/v1`, version: 'v1' }],
    preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' },
  })),
});
const resourceList = (resources: string[]) => ({
  kind: 'APIResourceList',
  resources: resources.map(name => ({
    name,
    kind: name,
    namespaced: false,
    verbs: ['list'],
  })),
});

type Answer = KubeResponse | Error;
const ok = (body: unknown, contentType = 'application/json'): KubeResponse => ({
  status: 200,
  contentType,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** A request runner answering by `<aggregated|legacy> <path>`. */
function server(answers: Record<string, Answer>) {
  const asked: string[] = [];
  const run = async (path: string, accept?: string) => {
    const key = `${
      accept?.includes('as=APIGroupDiscoveryList') ? 'aggregated' : 'legacy'
    } ${path}`;
    asked.push(key);
    const answer = answers[key] ?? {
      status: 404,
      contentType: 'application/json',
      body: '{"kind":"Status","message":"not found"}',
    };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { run, asked };
}

const HEALTHY: Record<string, Answer> = {
  'aggregated /api': ok(
    aggregated([group(undefined, ['nodes'])]),
    AGGREGATED_TYPE,
  ),
  'aggregated /apis': ok(
    aggregated([group('apps', ['deployments'])]),
    AGGREGATED_TYPE,
  ),
  'legacy /api': ok({ kind: 'APIVersions', versions: ['v1'] }),
  'legacy /apis': ok(legacyApis(['apps'])),
  'legacy /api/v1': ok(resourceList(['nodes'])),
  'legacy /apis/apps/v1': ok(resourceList(['deployments'])),
};

const discover = (answers: Record<string, Answer>) => {
  const s = server(answers);
  return collectDiscovery(s.run, {
    groupsNeeded: new Set(['', 'apps']),
    isDeadlineReached: () => false,
  }).then(result => ({ ...result, asked: s.asked }));
};

describe('collectDiscovery', () => {
  it('uses aggregated discovery in one wave of four requests when it agrees with the legacy lists', async () => {
    const { discovery, waves, asked } = await discover(HEALTHY);
    expect(discovery).toMatchObject({ source: 'aggregated', outcome: 'ok' });
    expect(discovery.fallbackReason).toBeUndefined();
    expect(waves).toBe(1);
    expect(asked.sort()).toEqual([
      'aggregated /api',
      'aggregated /apis',
      'legacy /api',
      'legacy /apis',
    ]);
  });

  it('keeps a healthy aggregated discovery when only the legacy lists fail', async () => {
    const { discovery, waves } = await discover({
      ...HEALTHY,
      'legacy /apis': {
        status: 503,
        contentType: 'application/json',
        body: '{}',
      },
    });
    expect(discovery).toMatchObject({ source: 'aggregated', outcome: 'ok' });
    expect(discovery.groups.map(g => g.name)).toEqual(['', 'apps']);
    expect(waves).toBe(1);
  });

  it.each([
    [
      'a group without a name',
      {
        'aggregated /apis': ok(
          aggregated([group(undefined, ['deployments'])]),
          AGGREGATED_TYPE,
        ),
      },
      /^\/apis answered a malformed APIGroupDiscoveryList \(a group without a name\)$/,
    ],
    [
      'a group with no versions',
      {
        'aggregated /apis': ok(
          aggregated([{ metadata: { name: 'apps' }, versions: [] }]),
          AGGREGATED_TYPE,
        ),
      },
      /^\/apis answered a malformed APIGroupDiscoveryList \(items\.0\.versions: /,
    ],
    [
      'a group the legacy lists do not serve',
      {
        'aggregated /apis': ok(
          aggregated([group('apps', ['deployments']), group('x.io', ['xs'])]),
          AGGREGATED_TYPE,
        ),
      },
      /^aggregated discovery contradicts \/api and \/apis: it lists 1 the legacy group lists do not \(x\.io\/v1\)$/,
    ],
    [
      'a dropped connection',
      { 'aggregated /api': new RequestFailure('network', 'socket hang up') },
      /^\/api: socket hang up$/,
    ],
  ])(
    'falls back to legacy discovery on %s, naming it',
    async (_, faults, reason) => {
      const { discovery, waves } = await discover({ ...HEALTHY, ...faults });
      expect(discovery).toMatchObject({ source: 'legacy', outcome: 'ok' });
      expect(discovery.fallbackReason).toMatch(reason);
      expect(waves).toBe(2);
      expect(
        discovery.groups.map(g => [
          g.name,
          g.versions.flatMap(v => v.resources.map(r => r.name)),
        ]),
      ).toEqual([
        ['', ['nodes']],
        ['apps', ['deployments']],
      ]);
    },
  );

  it('fails with both reasons when neither kind of discovery can be used', async () => {
    const { discovery, waves } = await discover({
      ...HEALTHY,
      'aggregated /api': ok('{"kind":"APIGroupDis', AGGREGATED_TYPE),
      'legacy /api': new RequestFailure('timeout', 'no response within 10 ms'),
    });
    expect(discovery).toMatchObject({
      source: 'legacy',
      outcome: 'timeout',
      groups: [],
      message:
        'API discovery failed: aggregated discovery: /api: the body is not valid JSON (truncated or malformed); legacy discovery: /api: request timed out (no response within 10 ms)',
    });
    expect(waves).toBe(1);
  });
});
