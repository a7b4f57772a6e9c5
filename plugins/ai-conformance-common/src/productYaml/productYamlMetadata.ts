/**
 * Vendor metadata of a CNCF AI Conformance submission (`PRODUCT.yaml`).
 * Fields left out are written as `[Placeholder]` text to fill in (`repoUrl`,
 * which is optional, is left out).
 *
 * @public
 */
export interface ProductYamlMetadata {
  platformName?: string;
  platformVersion?: string;
  vendorName?: string;
  websiteUrl?: string;
  repoUrl?: string;
  documentationUrl?: string;
  productLogoUrl?: string;
  description?: string;
  contactEmailAddress?: string;
  k8sConformanceUrl?: string;
}
