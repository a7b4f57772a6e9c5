import { InputError, NotFoundError } from '@backstage/errors';
import {
  buildSubmissionBundle,
  isSubmissionProductName,
  type SubmissionArtifactName,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  compareChecklistVersions,
  getChecklist,
  type ProductYamlMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceStore,
  NewArtifact,
} from '../database/ConformanceStore';
import { tarGzipFiles } from './tarGzipFiles';

/** The stored artifact kind of each official-suite file of a submission. */
const KIND_OF: Record<SubmissionArtifactName, NewArtifact['kind']> = {
  'junit.xml': 'junit',
  'results.json': 'go-test-json',
  'e2e.log': 'e2e-log',
};

/** The first checklist version whose submissions cite artifacts. */
const ARTIFACTS_SINCE = '1.37';

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
 * from checklist v1.37). InputError for a product name that is not one
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
  if (
    compareChecklistVersions(report.requirementsVersion, ARTIFACTS_SINCE) >= 0
  ) {
    const names = Object.keys(KIND_OF) as SubmissionArtifactName[];
    const stored = await deps.store.getLatestArtifacts(
      entityRef,
      names.map(n => KIND_OF[n]),
    );
    for (const n of names) {
      const content = stored.get(KIND_OF[n]);
      if (content !== undefined) artifacts[n] = content;
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
