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
 * Registers the `ai-conformance:gke:*` actions and
 * `ai-conformance:publish:local` with the scaffolder.
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
      },
      async init({ scaffolderActions, config, logger }) {
        const setting = config.getOptionalString(
          'aiConformance.scaffolder.gkeVersions',
        );
        const online = usesContainerApi(setting, process.env);
        logger.info(
          online
            ? 'GKE versions come from the Container API (getServerConfig)'
            : 'No Google credentials: GKE versions given in templates are checked against the certified minimums',
        );
        scaffolderActions.addActions(
          createResolveVersionAction({
            serverConfigSource: online
              ? new ContainerApiServerConfigSource()
              : undefined,
          }),
          createValidateAction(),
          createRenderAction(),
          createPublishLocalAction({
            directory: config.getOptionalString(LOCAL_DELIVERY_CONFIG_KEY),
          }),
        );
      },
    });
  },
});
