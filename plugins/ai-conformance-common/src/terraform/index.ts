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
  gkeClusterAutoscalingBlock,
  gkeGatewayApiBlock,
  gkeGuestAcceleratorBlock,
  gkeMonitoringBlock,
  gkeRayOperatorBlock,
} from './gkeTerraformBlocks';
