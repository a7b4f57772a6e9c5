import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { AcceleratorMetricsService } from './AcceleratorMetricsService';
import { readMetricsConfig } from './readMetricsConfig';

const TOKEN = 'prom-secret-token';

function serviceWith(fetchImpl: typeof fetch) {
  const logger = mockServices.logger.mock();
  const service = new AcceleratorMetricsService({
    config: readMetricsConfig(
      new ConfigReader({
        aiConformance: {
          metrics: {
            timeoutMs: 200,
            clusters: [
              {
                name: 'gke',
                url: 'https://prom.example:9443/tenant-a/prometheus',
                auth: { type: 'bearer', token: TOKEN },
                matchers: { cluster: 'gke' },
              },
            ],
          },
        },
      }),
    ),
    logger,
    connect: async () => {
      throw new Error('not used');
    },
    fetch: fetchImpl,
  });
  return { service, logger };
}

const vector = (result: unknown[]) =>
  new Response(
    JSON.stringify({
      status: 'success',
      data: { resultType: 'vector', result },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

describe('AcceleratorMetricsService.sampleForSnapshot', () => {
  it('samples the configured source and names it without path or credentials', async () => {
    const asked: string[] = [];
    const { service } = serviceWith(async input => {
      const url = new URL(String(input));
      const query = url.searchParams.get('query')!;
      asked.push(query);
      return vector(
        query.startsWith('DCGM_FI_DEV_GPU_UTIL')
          ? [
              {
                metric: {
                  __name__: 'DCGM_FI_DEV_GPU_UTIL',
                  gpu: '0',
                  Hostname: 'n1',
                  cluster: 'gke',
                },
                value: [1, '7'],
              },
            ]
          : [],
      );
    });
    const metrics = await service.sampleForSnapshot('resource:default/gke');
    expect(asked).toContain('DCGM_FI_DEV_GPU_UTIL{cluster="gke"}');
    expect(metrics).toMatchObject({
      source:
        'Prometheus-compatible API at https://prom.example:9443 (auth bearer)',
      samples: [
        {
          name: 'DCGM_FI_DEV_GPU_UTIL',
          labels: { gpu: '0', Hostname: 'n1' },
        },
      ],
    });
    expect(JSON.stringify(metrics)).not.toContain(TOKEN);
    expect(JSON.stringify(metrics)).not.toContain('tenant-a');
  });

  it('answers undefined for a cluster without a source', async () => {
    const fetchImpl = jest.fn();
    const { service } = serviceWith(fetchImpl);
    await expect(
      service.sampleForSnapshot('resource:default/other'),
    ).resolves.toBeUndefined();
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('records and logs a failing source instead of throwing', async () => {
    const { service, logger } = serviceWith(
      async () =>
        new Response('denied', { status: 403, statusText: 'Forbidden' }),
    );
    const metrics = await service.sampleForSnapshot('resource:default/gke');
    expect(metrics?.error).toBe('HTTP 403 Forbidden');
    expect(metrics?.samples).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('HTTP 403 Forbidden'),
    );
  });

  it('gives up on a source that does not answer', async () => {
    const { service } = serviceWith(
      (_input, init) =>
        new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(init.signal!.reason),
          ),
        ),
    );
    const metrics = await service.sampleForSnapshot('resource:default/gke');
    expect(metrics?.error).toMatch(/no answer within \d+ ms/);
  });
});
