export { parseJUnitArtifact } from './parseJUnitArtifact';
export { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';
export { mergeArtifactResults, officialTestsFor } from './mergeArtifactResults';
export type {
  ArtifactResults,
  ArtifactTestResult,
  ArtifactTestStatus,
} from './types';
