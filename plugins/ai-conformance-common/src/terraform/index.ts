export {
  HclExpression,
  attr,
  blank,
  block,
  expr,
  hclBlockText,
  hclFile,
  hclQuote,
} from './hcl';
export type { HclBlock, HclBodyItem, HclValue } from './hcl';
export {
  GKE_GATEWAY_API_CHANNEL,
  GKE_GPU_DRIVER_VERSIONS,
  gkeClusterAutoscalingBlock,
  gkeGatewayApiBlock,
  gkeGuestAcceleratorBlock,
  gkeMonitoringBlock,
  gkeMonitoringComponents,
  gkeRayOperatorBlock,
} from './gkeTerraformBlocks';
