export { createCheckContext } from './createCheckContext';
export { evaluate } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { detectPlatform } from './detectPlatform';
export { summarizeAccelerators } from './summarizeAccelerators';
export { ENGINE_READS } from './engineReads';
export {
  GKE_CERTIFIED_VERSION_FINDING_ID,
  collectionFindings,
  gkeVersionFinding,
} from './clusterFindings';
export { loadOfficialChecklist } from './loadOfficialChecklist';
