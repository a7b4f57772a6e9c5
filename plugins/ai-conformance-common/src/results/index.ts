export {
  CNCF_STATUSES,
  fromCncfStatus,
  notApplicableCaveat,
  toCncfStatus,
} from './cncfStatus';
export type { CncfStatus } from './cncfStatus';
export { computeVerdict, countReport, isMet } from './reportSummary';
export type { LevelStatus } from './reportSummary';
export { detailText, reasonText } from './resultMessages';
