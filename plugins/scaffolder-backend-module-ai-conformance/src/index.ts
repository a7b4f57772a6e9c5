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
export { ContainerApiServerConfigSource } from './gke/ContainerApiServerConfigSource';
export type { ClusterManagerClient } from './gke/ContainerApiServerConfigSource';
export type {
  GkeServerConfig,
  GkeServerConfigSource,
} from './gke/GkeServerConfigSource';
export { GKE_ACCELERATORS } from './gke/gkeAccelerators';
export type { GkeAccelerator } from './gke/gkeAccelerators';
export type { GkeClusterSpec } from './gke/gkeClusterSpec';
