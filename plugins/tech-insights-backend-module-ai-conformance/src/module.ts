import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { aiConformanceServiceRef } from '@ai-conformance/plugin-ai-conformance-node';
import { createAiConformanceFactRetriever } from './createAiConformanceFactRetriever';

/**
 * Adds the `aiConformanceFactRetriever` to the Tech Insights backend.
 * Its cadence and lifecycle come from
 * `techInsights.factRetrievers.aiConformanceFactRetriever`; with
 * `aiConformance.techInsights.enabled: false` it emits no fact values.
 * @public
 */
export const techInsightsModuleAiConformance = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'ai-conformance',
  register(reg) {
    reg.registerInit({
      deps: {
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
        service: aiConformanceServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
      },
      async init({ factRetrievers, service, catalog, auth, logger, config }) {
        factRetrievers.addFactRetrievers({
          aiConformanceFactRetriever: createAiConformanceFactRetriever({
            service,
            catalog,
            auth,
            logger,
            enabled:
              config.getOptionalBoolean('aiConformance.techInsights.enabled') ??
              true,
          }),
        });
      },
    });
  },
});
