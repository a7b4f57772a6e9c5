import type { KubeResponse } from '../cluster/KubeApiClient';
import type { ReadSpec } from '../snapshot/types';
import { readResource } from './readResource';

const LIST: ReadSpec = {
  key: 'nodes',
  group: '',
  version: 'v1',
  resource: 'nodes',
};
const GET: ReadSpec = {
  key: 'cm',
  group: '',
  version: 'v1',
  resource: 'configmaps',
  namespace: 'kube-system',
  name: 'cluster-autoscaler-status',
};

/** Answers each request with the next body (status 200). */
function answering(...bodies: unknown[]) {
  const seen: Array<Record<string, string | undefined>> = [];
  const request = async (
    _path: string,
    query: Record<string, string | undefined>,
  ): Promise<KubeResponse> => {
    seen.push(query);
    const body = bodies[Math.min(seen.length - 1, bodies.length - 1)];
    return {
      status: 200,
      contentType:
        typeof body === 'string' && body.startsWith('<')
          ? 'text/html; charset=utf-8'
          : 'application/json',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    };
  };
  return { request, seen };
}

const read = (spec: ReadSpec, ...bodies: unknown[]) =>
  readResource(
    answering(...bodies).request,
    spec,
    { version: 'v1', kind: '' },
    { isDeadlineReached: () => false },
  );

const node = (name: string) => ({ metadata: { name } });

describe('readResource with malformed bodies', () => {
  it('reads a well-formed list, including an empty one', async () => {
    expect(
      await read(LIST, { kind: 'NodeList', metadata: {}, items: [node('a')] }),
    ).toMatchObject({ outcome: 'ok', items: [{ metadata: { name: 'a' } }] });
    expect(
      await read(LIST, { kind: 'NodeList', metadata: {}, items: [] }),
    ).toMatchObject({ outcome: 'ok', items: [] });
  });

  it.each([
    [
      'a list without items',
      { kind: 'NodeList', metadata: {} },
      /no items array/,
    ],
    [
      'items that are not a list',
      { kind: 'NodeList', items: {} },
      /no items array/,
    ],
    ['null', null, /not a JSON object/],
    ['an array', [node('a')], /not a JSON object/],
    [
      'an item without metadata.name',
      { kind: 'NodeList', items: [node('a'), { spec: {} }] },
      /item 1 of the list is not an object with metadata\.name/,
    ],
    [
      'a continue token that is not a string',
      { kind: 'NodeList', metadata: { continue: 5 }, items: [] },
      /continue token is not a string/,
    ],
    ['a truncated body', '{"kind":"NodeList","items":[{"meta', /not JSON/],
    ['an HTML page', '<!DOCTYPE html><html></html>', /not JSON .*text\/html/],
  ])(
    'a list body that is %s is an error of the read, never an empty list',
    async (_, body, message) => {
      const result = await read(LIST, body);
      expect(result).toMatchObject({
        outcome: 'error',
        httpStatus: 200,
        requests: 1,
        message: expect.stringMatching(/^list v1 nodes: malformed response, /),
      });
      expect(result.message).toMatch(message);
      expect(result.items).toBeUndefined();
    },
  );

  it('a malformed later page fails the whole list, keeping no partial items', async () => {
    const result = await read(
      LIST,
      { kind: 'NodeList', metadata: { continue: 'next' }, items: [node('a')] },
      { kind: 'NodeList', metadata: {} },
    );
    expect(result).toMatchObject({ outcome: 'error', requests: 2 });
    expect(result.items).toBeUndefined();
  });

  it('an object body without metadata.name is an error of the get', async () => {
    expect(await read(GET, { kind: 'ConfigMap', data: {} })).toMatchObject({
      outcome: 'error',
      message: expect.stringMatching(
        /^get v1 configmaps kube-system\/cluster-autoscaler-status: malformed response, the object has no metadata\.name$/,
      ),
    });
    expect(
      await read(GET, { kind: 'ConfigMap', metadata: { name: 'x' } }),
    ).toMatchObject({ outcome: 'ok', object: { metadata: { name: 'x' } } });
  });
});
