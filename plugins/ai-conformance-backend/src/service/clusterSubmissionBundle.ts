import { InputError, NotFoundError } from '@backstage/errors';
import {
  buildSubmissionBundle,
  isSubmissionProductName,
  OFFICIAL_ARTIFACTS,
  submissionCitesArtifacts,
  type OfficialArtifactKind,
  type SubmissionArtifactName,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  getChecklist,
  type ProductYamlMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from '../database/ConformanceStore';
import { tarGzipFiles } from './tarGzipFiles';

/** A cluster's submission bundle as a download. */
export interface SubmissionBundleDownload {
  /** e.g. `v1.37-gke.tar.gz`. */
  fileName: string;
  body: Buffer;
}

/**
 * The submission folder `vX.Y/<product>/` of a cluster as a .tar.gz: built
 * by the engine's buildSubmissionBundle (as `ai-conformance bundle`) from
 * the latest succeeded report (of `version` when given) and the newest
 * upload of each official-suite artifact (junit.xml, results.json, e2e.log;
 * for the checklist versions whose submissions cite them). InputError for a product name that is not one
 * folder name; NotFoundError when the cluster has no report.
 */
export async function clusterSubmissionBundle(
  deps: { store: ConformanceStore; metadata: ProductYamlMetadata },
  entityRef: string,
  options: { product: string; version?: string },
): Promise<SubmissionBundleDownload> {
  if (!isSubmissionProductName(options.product)) {
    throw new InputError(
      `invalid product "${options.product}": one folder name of letters, digits, '.', '_' or '-' (at most 63), starting with a letter or digit`,
    );
  }
  const version = options.version
    ? getChecklist(options.version).version
    : undefined;
  const latest = await deps.store.getLatestSucceeded(entityRef, version);
  if (!latest?.report) {
    throw new NotFoundError(
      `No AI Conformance report for ${entityRef} yet: run the checks or upload results first`,
    );
  }
  const report = latest.report;
  const artifacts: Partial<Record<SubmissionArtifactName, string>> = {};
  if (submissionCitesArtifacts(report.requirementsVersion)) {
    const kinds = Object.keys(OFFICIAL_ARTIFACTS) as OfficialArtifactKind[];
    const stored = await deps.store.getLatestArtifacts(entityRef, kinds);
    for (const kind of kinds) {
      const content = stored.get(kind);
      if (content !== undefined) {
        artifacts[OFFICIAL_ARTIFACTS[kind].fileName] = content;
      }
    }
  }
  const platformVersion =
    deps.metadata.platformVersion ??
    report.cluster.kubernetesVersion?.replace(/^v/, '');
  const built = buildSubmissionBundle({
    report,
    metadata: {
      ...deps.metadata,
      ...(platformVersion ? { platformVersion } : {}),
    },
    generator: 'the Backstage AI Conformance plugin',
    product: options.product,
    artifacts,
  });
  return {
    fileName: `v${report.requirementsVersion}-${options.product}.tar.gz`,
    body: await tarGzipFiles(built.files),
  };
}
