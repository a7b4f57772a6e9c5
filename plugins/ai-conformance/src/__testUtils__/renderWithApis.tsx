import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { SWRConfig } from 'swr';
import { AiConformanceClient, aiConformanceApiRef } from '../api';
import {
  AcceleratorMetricsClient,
  acceleratorMetricsApiRef,
} from '../api/AcceleratorMetricsClient';

/**
 * Answers given for `ai-conformance.run.create` since the last render.
 * (usePermission caches answers across renders, so a test of a denial waits
 * for the denial to be asked and answered.)
 */
export const runPermissionChecks: Array<'ALLOW' | 'DENY'> = [];
/** Answers given for `ai-conformance.run.active` since the last render. */
export const activePermissionChecks: Array<'ALLOW' | 'DENY'> = [];

/** Where msw handlers answer for the backend. */
export const baseUrl = 'http://backstage.test/api/ai-conformance';

export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'gke-ai-prod',
    namespace: 'default',
    title: 'GKE AI production',
    labels: { 'ai-conformance.io/target-version': '1.34' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/ai-platform' },
};

/**
 * Renders with the real client against msw, a permission API that allows
 * or denies `ai-conformance.run.create`, and an entity in context.
 */
export async function renderWithApis(
  element: ReactElement,
  options: {
    canRun?: boolean;
    /** False denies `ai-conformance.run.active` ("Verify with workloads"). */
    canVerify?: boolean;
    entity?: Entity;
    catalogEntities?: Entity[];
  } = {},
) {
  runPermissionChecks.length = 0;
  activePermissionChecks.length = 0;
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  };
  const permissionApi = mockApis.permission({
    authorize: request => {
      const denied =
        (request.permission.name === 'ai-conformance.run.create' &&
          options.canRun === false) ||
        (request.permission.name === 'ai-conformance.run.active' &&
          options.canVerify === false);
      if (request.permission.name === 'ai-conformance.run.create') {
        runPermissionChecks.push(denied ? 'DENY' : 'ALLOW');
      }
      if (request.permission.name === 'ai-conformance.run.active') {
        activePermissionChecks.push(denied ? 'DENY' : 'ALLOW');
      }
      return denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
    },
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [
          aiConformanceApiRef,
          new AiConformanceClient({ discoveryApi, fetchApi }),
        ],
        [
          acceleratorMetricsApiRef,
          new AcceleratorMetricsClient({ discoveryApi, fetchApi }),
        ],
        [permissionApiRef, permissionApi],
        [
          catalogApiRef,
          catalogApiMock({ entities: options.catalogEntities ?? [] }),
        ],
      ]}
    >
      {/* A fresh permission cache per render: no answer leaks between tests. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={options.entity ?? clusterEntity}>
          {element}
        </EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
