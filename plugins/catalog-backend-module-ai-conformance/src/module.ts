import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { aiConformanceServiceRef } from '@ai-conformance/plugin-ai-conformance-node';
import { AiConformanceLabelProcessor } from './AiConformanceLabelProcessor';
import { LatestVerdictCache } from './LatestVerdictCache';

/**
 * Catalog module: labels cluster entities with their latest AI
 * Conformance verdict and checklist version, and asks the catalog to
 * refresh a cluster entity when one of its runs finishes. Turned off with
 * `aiConformance.catalogLabels.enabled: false`.
 * @public
 */
export const catalogModuleAiConformance = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'ai-conformance',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        service: aiConformanceServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
      },
      async init({
        processing,
        service,
        catalog,
        auth,
        logger,
        lifecycle,
        config,
      }) {
        const enabled =
          config.getOptionalBoolean('aiConformance.catalogLabels.enabled') ??
          true;
        const cache = new LatestVerdictCache(service, logger);
        processing.addProcessor(
          new AiConformanceLabelProcessor(cache, { enabled }),
        );
        if (!enabled) {
          // No verdicts are read, kept or stamped; the processor still
          // removes hand-written verdict labels.
          logger.info(
            'AI Conformance catalog labels are off (aiConformance.catalogLabels.enabled: false)',
          );
          return;
        }
        lifecycle.addStartupHook(() => {
          // Not awaited: the catalog must not wait for the AI Conformance plugin.
          void cache.refresh();
        });
        service.onRunFinished(async ({ run }) => {
          if (
            run.status !== 'succeeded' ||
            !run.verdict ||
            !run.requirementsVersion
          ) {
            return;
          }
          cache.set(run.entityRef, {
            verdict: run.verdict,
            requirementsVersion: run.requirementsVersion,
          });
          try {
            await catalog.refreshEntity(run.entityRef, {
              credentials: await auth.getOwnServiceCredentials(),
            });
          } catch (error) {
            logger.warn(
              `Could not refresh ${
                run.entityRef
              } after its AI Conformance run: ${(error as Error).message}`,
            );
          }
        });
      },
    });
  },
});
