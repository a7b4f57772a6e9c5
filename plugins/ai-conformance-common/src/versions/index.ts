export {
  compareChecklistVersions,
  compareKubernetesVersions,
  kubernetesMinor,
  parseKubernetesVersion,
} from './kubernetesVersion';
export type {
  KubernetesDistribution,
  KubernetesVersion,
} from './kubernetesVersion';
export {
  GKE_CERTIFIED_MINIMUMS,
  gkeCertification,
  gkeCertifiedMinors,
} from './gkeCertification';
export { gkeVersionProblem } from './gkeVersionProblem';
export {
  PLATFORM_PRODUCT_FOLDERS,
  certifiedProductsFor,
  gkeMinimumsFromData,
  isProductYamlPath,
  parseProductYaml,
} from './certifiedVersions';
export type { CertifiedProduct, CertifiedVersions } from './certifiedVersions';
export type {
  GkeCertification,
  GkeCertificationStatus,
} from './gkeCertification';
export {
  CHECKLIST_VERSION_FINDING_ID,
  selectRequirementsVersion,
} from './selectRequirementsVersion';
export type { RequirementsVersionChoice } from './selectRequirementsVersion';
