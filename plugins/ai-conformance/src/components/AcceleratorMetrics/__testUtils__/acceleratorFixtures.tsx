import type { ReactElement } from 'react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  AcceleratorMetricsClient,
  acceleratorMetricsApiRef,
  type AcceleratorsResponse,
  type PoolMetricSeries,
} from '../../../api/AcceleratorMetricsClient';
import type { Entity } from '@backstage/catalog-model';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'gke-ai-prod', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/ai-platform' },
};

export const baseUrl = 'http://backstage.test/api/ai-conformance';
export const acceleratorsUrl = `${baseUrl}/clusters/default/gke-ai-prod/accelerators`;

/** Renders with the real client (answering through msw) and the cluster entity in context. */
export function renderWithAcceleratorApi(element: ReactElement) {
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          acceleratorMetricsApiRef,
          new AcceleratorMetricsClient({ discoveryApi, fetchApi }),
        ],
      ]}
    >
      <EntityProvider entity={clusterEntity}>{element}</EntityProvider>
    </TestApiProvider>,
  );
}

const poolSeries = (
  pool: string,
  metric: PoolMetricSeries['metric'],
  unit: string,
  values: number[],
): PoolMetricSeries => ({
  pool,
  metric,
  unit,
  aggregate: 'avg',
  gpus: 2,
  latest: [1_700_003_600, values[values.length - 1]],
  points: values.map((v, i) => [1_700_000_000 + i * 30, v]),
});

/** A GKE cluster with one L4 pool (3 of 4 GPUs allocated) and metrics. */
export function sampleAccelerators(
  overrides: Partial<AcceleratorsResponse> = {},
): AcceleratorsResponse {
  return {
    entityRef: 'resource:default/gke-ai-prod',
    inventory: {
      totalNodes: 5,
      acceleratorNodes: 2,
      totals: [
        {
          resource: 'nvidia.com/gpu',
          capacity: 4,
          allocatable: 4,
          allocated: 3,
        },
      ],
      pools: [
        {
          pool: 'l4-pool',
          poolLabel: 'cloud.google.com/gke-nodepool',
          acceleratorType: 'nvidia-l4',
          models: ['nvidia-l4'],
          driverVersions: ['latest'],
          labels: {},
          resources: [
            {
              resource: 'nvidia.com/gpu',
              capacity: 4,
              allocatable: 4,
              allocated: 3,
            },
          ],
          draDevices: 0,
          nodes: [
            { name: 'n1', ready: true, resources: [], draDevices: 0 },
            { name: 'n2', ready: false, resources: [], draDevices: 0 },
          ],
        },
      ],
      draDevices: [],
      warnings: [],
    },
    series: {
      range: '1h',
      stepSeconds: 30,
      start: 1_700_000_000,
      end: 1_700_003_600,
      gpus: [],
      pools: [
        poolSeries('l4-pool', 'utilization', '%', [40, 55, 62.5]),
        poolSeries('l4-pool', 'memoryUsed', 'MiB', [10240, 12288]),
        poolSeries('l4-pool', 'power', 'W', [120, 130]),
        poolSeries('l4-pool', 'temperature', '°C', [50, 61]),
      ],
    },
    source: { type: 'prometheus', auth: 'none' },
    errors: [],
    generatedAt: '2026-11-29T00:00:00.000Z',
    ...overrides,
  };
}
