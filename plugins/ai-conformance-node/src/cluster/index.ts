export { loadClientNode } from './loadClientNode';
export type { ClientNode } from './loadClientNode';
export { ConnectionError } from './ConnectionError';
export type { ConnectionErrorReason } from './ConnectionError';
export { ClusterConnection } from './ClusterConnection';
export type {
  ClusterAuthType,
  ClusterConnectionInfo,
  ClusterConnectionOptions,
} from './ClusterConnection';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  MAX_RESPONSE_BYTES_LIMIT,
  checkMaxResponseBytes,
} from './responseLimits';
export { connectToCluster, listKubeconfigContexts } from './connectToCluster';
export type {
  ClusterConnectionSpec,
  KubeconfigContext,
} from './connectToCluster';
export { KubeApiClient, RequestFailure } from './KubeApiClient';
export type {
  KubeRequest,
  KubeResponse,
  RequestFailureKind,
} from './KubeApiClient';
export { connectionErrorOf, verifyConnection } from './verifyConnection';
