export {
  buildSubmissionBundle,
  isSubmissionProductName,
  SUBMISSION_ARTIFACT_NAMES,
  submissionCitesArtifacts,
} from './buildSubmissionBundle';
export type {
  BuiltSubmissionBundle,
  SubmissionArtifactName,
  SubmissionBundleFile,
  SubmissionBundleInput,
} from './buildSubmissionBundle';
