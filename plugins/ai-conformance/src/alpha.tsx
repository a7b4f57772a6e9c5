import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { AiConformanceClient, aiConformanceApiRef } from './api';
import {
  AcceleratorMetricsClient,
  acceleratorMetricsApiRef,
} from './api/AcceleratorMetricsClient';
import { clusterEntityFilter } from './filters';

/** The fleet page's route; pages need one to appear in the nav. */
const fleetRouteRef = createRouteRef();

/**
 * The backend client.
 *
 * @alpha
 */
export const aiConformanceApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aiConformanceApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AiConformanceClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The accelerator inventory and metrics client.
 *
 * @alpha
 */
export const acceleratorMetricsApi = ApiBlueprint.make({
  name: 'accelerators',
  params: defineParams =>
    defineParams({
      api: acceleratorMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AcceleratorMetricsClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The accelerators card (inventory and utilization) of cluster entities.
 *
 * @alpha
 */
export const acceleratorMetricsEntityCard = EntityCardBlueprint.make({
  name: 'accelerators',
  params: {
    filter: clusterEntityFilter,
    loader: () =>
      import('./components/AcceleratorMetrics').then(m => (
        <m.EntityAcceleratorMetricsCard />
      )),
  },
});

/**
 * The "AI Conformance" tab on Kubernetes cluster entities.
 *
 * @alpha
 */
export const aiConformanceEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ai-conformance',
    title: 'AI Conformance',
    filter: clusterEntityFilter,
    loader: () =>
      import('./components/EntityAiConformanceContent').then(m => (
        <m.EntityAiConformanceContent />
      )),
  },
});

/**
 * The overview card of Kubernetes cluster entities.
 *
 * @alpha
 */
export const aiConformanceEntityCard = EntityCardBlueprint.make({
  params: {
    filter: clusterEntityFilter,
    loader: () =>
      import('./components/EntityAiConformanceCard').then(m => (
        <m.EntityAiConformanceCard />
      )),
  },
});

/**
 * The fleet page at /ai-conformance; its title and icon make the nav item.
 *
 * @alpha
 */
export const aiConformancePage = PageBlueprint.make({
  params: {
    path: '/ai-conformance',
    routeRef: fleetRouteRef,
    title: 'AI Conformance',
    icon: <VerifiedUserIcon />,
    loader: () =>
      import('./components/AiConformancePage').then(m => (
        <m.AiConformanceFleetContent />
      )),
  },
});

/**
 * The AI Conformance plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ai-conformance',
  info: { packageJson: () => import('../package.json') },
  routes: { root: fleetRouteRef },
  extensions: [
    aiConformanceApi,
    acceleratorMetricsApi,
    aiConformanceEntityContent,
    aiConformanceEntityCard,
    acceleratorMetricsEntityCard,
    aiConformancePage,
  ],
});
