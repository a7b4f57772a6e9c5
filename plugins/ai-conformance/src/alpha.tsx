import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { clusterEntityFilter } from './filters';

/** The "AI Conformance" tab on Kubernetes cluster entities. */
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
 * The AI Conformance plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ai-conformance',
  info: { packageJson: () => import('../package.json') },
  extensions: [aiConformanceEntityContent],
});
