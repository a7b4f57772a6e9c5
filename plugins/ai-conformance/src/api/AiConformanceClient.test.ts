import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AiConformanceClient } from './AiConformanceClient';

const baseUrl = 'http://backstage.test/api/ai-conformance';
const server = setupServer();
registerMswTestHooks(server);

const client = new AiConformanceClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: { fetch: (input, init) => fetch(input, init) },
});
const entity = { kind: 'Resource', namespace: 'default', name: 'gke-ai-prod' };

describe('AiConformanceClient', () => {
  it('gets a cluster report for a checklist version', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/clusters/default/gke-ai-prod`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({
          entityRef: 'resource:default/gke-ai-prod',
          report: null,
          lastRun: null,
        });
      }),
    );
    const detail = await client.getCluster(entity, { version: '1.35' });
    expect(detail.entityRef).toBe('resource:default/gke-ai-prod');
    expect(seen?.searchParams.get('version')).toBe('1.35');
  });

  it('posts a run with its options', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${baseUrl}/clusters/default/gke-ai-prod/runs`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(
            { runId: 'r1', status: 'queued' },
            { status: 202 },
          );
        },
      ),
    );
    const res = await client.startRun(entity, { requirementsVersion: '1.34' });
    expect(res).toEqual({ runId: 'r1', status: 'queued' });
    expect(body).toEqual({ requirementsVersion: '1.34' });
  });

  it('sends the fleet query and reads a page of clusters', async () => {
    let asked = '';
    const page = {
      items: [{ entityRef: 'resource:default/a' }],
      totalCount: 7,
      offset: 5,
      limit: 1,
    };
    server.use(
      http.get(`${baseUrl}/clusters`, ({ request }) => {
        asked = new URL(request.url).search;
        return HttpResponse.json(page);
      }),
    );
    expect(
      await client.listClusters({
        verdict: ['conformant', 'unchecked'],
        level: ['gold'],
        owner: 'group:default/a',
        q: 'prod',
        sort: 'level',
        order: 'desc',
        offset: 5,
        limit: 1,
        facets: true,
      }),
    ).toEqual(page);
    expect(asked).toBe(
      '?verdict=conformant%2Cunchecked&level=gold&owner=group%3Adefault%2Fa&q=prod&sort=level&order=desc&offset=5&limit=1&facets=true',
    );
  });

  it('reads each list in the shape the OpenAPI spec gives it', async () => {
    server.use(
      // A backend from before paging: every cluster as an array.
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json([{ entityRef: 'resource:default/a' }]),
      ),
      http.get(`${baseUrl}/clusters/default/gke-ai-prod/runs`, () =>
        HttpResponse.json({ items: [{ runId: 'r1' }, { runId: 'r2' }] }),
      ),
      http.get(`${baseUrl}/requirements`, () =>
        HttpResponse.json({
          version: '1.34',
          source: 'built-in',
          requirements: [{ id: 'x' }],
        }),
      ),
    );
    expect(await client.listClusters()).toEqual({
      items: [{ entityRef: 'resource:default/a' }],
      totalCount: 1,
      offset: 0,
      limit: 1,
    });
    expect((await client.getRunHistory(entity)).items).toHaveLength(2);
    expect(await client.listRequirements()).toEqual([{ id: 'x' }]);
  });

  it('returns the self-assessment as text', async () => {
    server.use(
      http.get(
        `${baseUrl}/clusters/default/gke-ai-prod/self-assessment`,
        ({ request }) =>
          new HttpResponse(
            `format: ${new URL(request.url).searchParams.get('format')}\n`,
            { headers: { 'Content-Type': 'application/yaml' } },
          ),
      ),
    );
    expect(await client.getSelfAssessmentYaml(entity)).toBe('format: yaml\n');
  });

  it('throws a ResponseError carrying the status code', async () => {
    server.use(
      http.get(`${baseUrl}/runs/nope`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No run nope' },
            request: { method: 'GET', url: '/runs/nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getRun('nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error.message).toBe('No run nope');
  });
});
