import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';

/**
 * The AI Conformance plugin for the legacy frontend system.
 * @public
 */
export const aiConformancePlugin = createPlugin({
  id: 'ai-conformance',
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
