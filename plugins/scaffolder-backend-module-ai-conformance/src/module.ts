import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRenderAction } from './actions/renderAction';
import { createResolveVersionAction } from './actions/resolveVersionAction';
import { createValidateAction } from './actions/validateAction';
import {
  createPublishLocalAction,
  LOCAL_DELIVERY_CONFIG_KEY,
} from './actions/publishLocalAction';
import { ContainerApiServerConfigSource } from './gke/ContainerApiServerConfigSource';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { aiConformanceServiceRef } from '@ai-conformance/plugin-ai-conformance-node';
import { createGkeCreateClusterAction } from './actions/gkeCreateClusterAction';
import { createInstallAddonsAction } from './actions/installAddonsAction';
import { createCheckClusterAction } from './actions/checkClusterAction';
import {
  createRegisterClusterAction,
  readRegistrationSettings,
} from './actions/registerClusterAction';
import { readAddonManifestSettings } from './addons/addonManifestSource';
import {
  containerApiFactory,
  readContainerApiSettings,
} from './gke/containerApi';

/**
 * Whether the backend asks GKE for versions: config
 * `aiConformance.scaffolder.gkeVersions` (`container-api` or `offline`);
 * by default only when Application Default Credentials are configured
 * through GOOGLE_APPLICATION_CREDENTIALS.
 */
export function usesContainerApi(
  setting: string | undefined,
  env: NodeJS.ProcessEnv,
): boolean {
  if (setting === 'container-api') return true;
  if (setting === 'offline') return false;
  return Boolean(env.GOOGLE_APPLICATION_CREDENTIALS);
}

/**
 * Registers the `ai-conformance:gke:*` actions,
 * `ai-conformance:publish:local`, the `gke-api` delivery's
 * `ai-conformance:cluster:install-addons`, `ai-conformance:cluster:register`
 * and `ai-conformance:check` with the scaffolder.
 * @public
 */
export const scaffolderModuleAiConformance = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ai-conformance',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        aiConformance: aiConformanceServiceRef,
      },
      async init({
        scaffolderActions,
        config,
        logger,
        auth,
        permissions,
        catalog,
        aiConformance,
      }) {
        const setting = config.getOptionalString(
          'aiConformance.scaffolder.gkeVersions',
        );
        const online = usesContainerApi(setting, process.env);
        logger.info(
          online
            ? 'GKE versions come from the Container API (getServerConfig)'
            : 'No Google credentials: GKE versions given in templates are checked against the certified minimums',
        );
        const containerApi = containerApiFactory(
          readContainerApiSettings(config),
        );
        scaffolderActions.addActions(
          createResolveVersionAction({
            serverConfigSource: online
              ? new ContainerApiServerConfigSource({
                  loadClient: async () => (await containerApi()).client,
                })
              : undefined,
          }),
          createValidateAction(),
          createRenderAction(),
          createPublishLocalAction({
            directory: config.getOptionalString(LOCAL_DELIVERY_CONFIG_KEY),
          }),
          createGkeCreateClusterAction({ containerApi }),
          createInstallAddonsAction({
            containerApi,
            manifests: readAddonManifestSettings(config),
          }),
          createRegisterClusterAction({
            containerApi,
            settings: readRegistrationSettings(config),
            catalog,
            auth,
          }),
          createCheckClusterAction({ service: aiConformance, permissions }),
        );
      },
    });
  },
});
