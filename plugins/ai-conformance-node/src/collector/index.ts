export { collectSnapshot, COLLECT_DEFAULTS } from './collectSnapshot';
export type { CollectOptions, CollectProgress } from './collectSnapshot';
export { collectClusterSnapshot } from './collectClusterSnapshot';
export type {
  CollectClusterSnapshotOptions,
  MetricsSampler,
} from './collectClusterSnapshot';
export { runConformanceCheck } from './runConformanceCheck';
export type {
  RunConformanceCheckOptions,
  RunConformanceCheckProgress,
} from './runConformanceCheck';
export {
  planReads,
  describeRead,
  readPath,
  isForbiddenResource,
} from './readPlan';
export { PAGE_SIZE } from './readResource';
export {
  describeReads,
  passiveClusterRoleYaml,
  passiveRbacRules,
  probesTableMarkdown,
  readsTableMarkdown,
} from './rbacRules';
export type { PolicyRule } from './rbacRules';
export { redactCredentials } from './redactCredentials';
