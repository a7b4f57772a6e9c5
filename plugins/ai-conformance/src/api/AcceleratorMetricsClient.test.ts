import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AcceleratorMetricsClient } from './AcceleratorMetricsClient';

const server = setupServer();
registerMswTestHooks(server);
const baseUrl = 'http://backstage.test/api/ai-conformance';

describe('AcceleratorMetricsClient', () => {
  const client = new AcceleratorMetricsClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('gets the accelerators of an entity for a range', async () => {
    let seen = '';
    server.use(
      http.get(
        `${baseUrl}/clusters/:namespace/:name/accelerators`,
        ({ request }) => {
          seen = request.url;
          return HttpResponse.json({
            entityRef: 'resource:ml/gpu a',
            errors: [],
          });
        },
      ),
    );
    const answer = await client.getAccelerators(
      { kind: 'Resource', namespace: 'ml', name: 'gpu a' },
      '6h',
    );
    expect(answer.entityRef).toBe('resource:ml/gpu a');
    expect(seen).toBe(`${baseUrl}/clusters/ml/gpu%20a/accelerators?range=6h`);
  });

  it('throws a ResponseError with the status on failure', async () => {
    server.use(
      http.get(`${baseUrl}/clusters/:namespace/:name/accelerators`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'denied' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await expect(
      client.getAccelerators(
        { kind: 'Resource', namespace: 'default', name: 'x' },
        '1h',
      ),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
  });
});
