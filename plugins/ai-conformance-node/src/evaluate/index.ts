export { createCheckContext } from './createCheckContext';
export { evaluate } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { detectPlatform } from './detectPlatform';
export { summarizeAccelerators } from './summarizeAccelerators';
export { ENGINE_READS } from './engineReads';
export {
  CERTIFIED_PLATFORM_FINDING_ID,
  GKE_CERTIFIED_VERSION_FINDING_ID,
  certifiedPlatformFinding,
  collectionFindings,
  gkeVersionFinding,
} from './clusterFindings';
export { loadOfficialChecklist } from './loadOfficialChecklist';
export {
  loadCertifiedVersions,
  mergeCertifiedVersions,
} from './loadCertifiedVersions';
export type { LoadCertifiedVersionsOptions } from './loadCertifiedVersions';
