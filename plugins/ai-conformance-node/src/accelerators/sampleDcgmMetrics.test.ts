import { evaluateDcgmMetricsSample } from './evaluateDcgmMetricsSample';
import { PrometheusQueryError } from './PrometheusClient';
import { sampleDcgmMetrics } from './sampleDcgmMetrics';

describe('sampleDcgmMetrics', () => {
  it('turns instant DCGM series into samples the official rules accept', async () => {
    const asked: string[] = [];
    const samples = await sampleDcgmMetrics(
      {
        query: async q => {
          asked.push(q);
          return q.startsWith('DCGM_FI_DEV_GPU_UTIL') ||
            q.startsWith('DCGM_FI_DEV_FB_USED')
            ? [
                {
                  labels: {
                    __name__: q.split('{')[0],
                    gpu: '0',
                    Hostname: 'n1',
                  },
                  point: [1, 5],
                },
              ]
            : [];
        },
      },
      { cluster: 'c' },
    );
    expect(asked).toContain('DCGM_FI_DEV_GPU_UTIL{cluster="c"}');
    expect(samples.map(s => s.name)).toEqual([
      'DCGM_FI_DEV_GPU_UTIL',
      'DCGM_FI_DEV_FB_USED',
    ]);
    expect(evaluateDcgmMetricsSample(samples)).toMatchObject({
      passed: true,
      devices: 1,
    });
  });

  it('gives samples that fail the rules when only utilization is exported', async () => {
    const samples = await sampleDcgmMetrics({
      query: async q =>
        q.startsWith('DCGM_FI_DEV_GPU_UTIL')
          ? [{ labels: { gpu: '0' }, point: [1, 5] }]
          : [],
    });
    expect(evaluateDcgmMetricsSample(samples).passed).toBe(false);
  });

  it('lets query failures through', async () => {
    await expect(
      sampleDcgmMetrics({
        query: async () => {
          throw new PrometheusQueryError('timeout', 'no answer within 5000 ms');
        },
      }),
    ).rejects.toThrow('no answer within 5000 ms');
  });
});
