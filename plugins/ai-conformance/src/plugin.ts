import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AiConformanceClient, aiConformanceApiRef } from './api';
import {
  AcceleratorMetricsClient,
  acceleratorMetricsApiRef,
} from './api/AcceleratorMetricsClient';
import { rootRouteRef } from './routes';

/**
 * The AI Conformance plugin for the legacy frontend system.
 * @public
 */
export const aiConformancePlugin = createPlugin({
  id: 'ai-conformance',
  apis: [
    createApiFactory({
      api: aiConformanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AiConformanceClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: acceleratorMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AcceleratorMetricsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The "AI Conformance" tab for a cluster entity page (legacy system).
 * @public
 */
export const EntityAiConformanceContent = aiConformancePlugin.provide(
  createComponentExtension({
    name: 'EntityAiConformanceContent',
    component: {
      lazy: () =>
        import('./components/EntityAiConformanceContent').then(
          m => m.EntityAiConformanceContent,
        ),
    },
  }),
);

/**
 * The AI Conformance card for a cluster entity's overview (legacy system).
 * @public
 */
export const EntityAiConformanceCard = aiConformancePlugin.provide(
  createComponentExtension({
    name: 'EntityAiConformanceCard',
    component: {
      lazy: () =>
        import('./components/EntityAiConformanceCard').then(
          m => m.EntityAiConformanceCard,
        ),
    },
  }),
);

/**
 * The fleet page: every cluster against every requirement (legacy system).
 * @public
 */
export const AiConformancePage = aiConformancePlugin.provide(
  createRoutableExtension({
    name: 'AiConformancePage',
    component: () =>
      import('./components/AiConformancePage').then(m => m.AiConformancePage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Accelerator inventory and utilization of a cluster (legacy system).
 * @public
 */
export const EntityAcceleratorMetricsCard = aiConformancePlugin.provide(
  createComponentExtension({
    name: 'EntityAcceleratorMetricsCard',
    component: {
      lazy: () =>
        import('./components/AcceleratorMetrics').then(
          m => m.EntityAcceleratorMetricsCard,
        ),
    },
  }),
);
