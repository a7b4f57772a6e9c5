import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { ClusterDetail } from '@ai-conformance/plugin-ai-conformance-common';
import { baseUrl } from './renderWithApis';

/** The cluster of the tab tests (`clusterEntity`). */
export const clusterUrl = `${baseUrl}/clusters/default/gke-ai-prod`;
export const entityRef = 'resource:default/gke-ai-prod';

/**
 * Answers what the cluster's AI Conformance tab reads: the detail (asked
 * again on every read when a function), an empty history and a cluster
 * without accelerators.
 */
export function serveClusterTab(
  server: SetupServer,
  detail: Partial<ClusterDetail> | (() => Partial<ClusterDetail>),
) {
  server.use(
    http.get(clusterUrl, () =>
      HttpResponse.json({
        entityRef,
        report: null,
        lastRun: null,
        ...(typeof detail === 'function' ? detail() : detail),
      }),
    ),
    http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
    http.get(`${clusterUrl}/accelerators`, () =>
      HttpResponse.json({
        entityRef,
        inventory: {
          totalNodes: 3,
          acceleratorNodes: 0,
          totals: [],
          pools: [],
          draDevices: [],
          warnings: [],
        },
        series: null,
        source: { type: 'none' },
        errors: [],
        generatedAt: '2026-11-28T12:00:00Z',
      }),
    ),
  );
}
