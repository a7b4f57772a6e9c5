/**
 * Scaffolder actions that create AI-conformant GKE clusters: resolve a
 * certified version, validate the cluster, render Terraform and friends.
 *
 * @packageDocumentation
 */
export { scaffolderModuleAiConformance as default } from './module';
export { createResolveVersionAction } from './actions/resolveVersionAction';
export { createValidateAction } from './actions/validateAction';
export { createRenderAction } from './actions/renderAction';
export { createPublishLocalAction } from './actions/publishLocalAction';
export { createGkeCreateClusterAction } from './actions/gkeCreateClusterAction';
export type { GkeCreateClusterOutput } from './actions/gkeCreateClusterAction';
export { createInstallAddonsAction } from './actions/installAddonsAction';
export { createRegisterClusterAction } from './actions/registerClusterAction';
export type {
  RegistrationAuthProvider,
  RegistrationSettings,
} from './actions/registerClusterAction';
export { createCheckClusterAction } from './actions/checkClusterAction';
export { containerApiFactory } from './gke/containerApi';
export type {
  ClusterManagerMethods,
  ContainerApi,
  ContainerApiFactory,
  ContainerApiSettings,
  GkeCluster,
  GkeOperation,
} from './gke/containerApi';
export type { AddonManifestSettings } from './addons/addonManifestSource';
export type {
  KubeTarget,
  ManifestObject,
  ObjectApi,
} from './addons/applyAddonManifests';
export { ContainerApiServerConfigSource } from './gke/ContainerApiServerConfigSource';
export type { ClusterManagerClient } from './gke/ContainerApiServerConfigSource';
export type {
  GkeServerConfig,
  GkeServerConfigSource,
} from './gke/GkeServerConfigSource';
export { GKE_ACCELERATORS } from './gke/gkeAccelerators';
export type { GkeAccelerator } from './gke/gkeAccelerators';
export type { GkeClusterSpec } from './gke/gkeClusterSpec';
