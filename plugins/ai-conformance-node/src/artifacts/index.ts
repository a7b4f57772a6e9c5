export { parseJUnitArtifact } from './parseJUnitArtifact';
export { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';
export { parseE2eLogArtifact } from './parseE2eLogArtifact';
export { mergeArtifactResults, officialTestsFor } from './mergeArtifactResults';
export { OFFICIAL_ARTIFACTS, parseOfficialArtifact } from './officialArtifacts';
export type { OfficialArtifactKind } from './officialArtifacts';
export type {
  ArtifactResults,
  ArtifactTestResult,
  ArtifactTestStatus,
} from './types';
export { writeActiveArtifacts, ACTIVE_TEST_ROOT } from './writeActiveArtifacts';
export type { ActiveArtifacts, GoOutcome } from './writeActiveArtifacts';
