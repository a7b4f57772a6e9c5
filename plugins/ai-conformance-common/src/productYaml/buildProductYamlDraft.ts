import type { ConformanceReport } from '../types';
import { buildProductYaml } from './buildProductYaml';
import type { ProductYamlMetadata } from './productYamlMetadata';

/**
 * The PRODUCT.yaml draft text of a report, as the backend's self-assessment
 * route serves it: the same rules as {@link buildProductYaml}, without
 * evidence files; the platform version defaults to the cluster's version.
 *
 * @public
 */
export function buildProductYamlDraft(
  report: ConformanceReport,
  metadata: ProductYamlMetadata = {},
  generator = 'the Backstage AI Conformance plugin',
): string {
  const platformVersion =
    metadata.platformVersion ??
    report.cluster.kubernetesVersion?.replace(/^v/, '');
  return buildProductYaml(report, {
    metadata: { ...metadata, ...(platformVersion ? { platformVersion } : {}) },
    generator,
  }).text;
}
