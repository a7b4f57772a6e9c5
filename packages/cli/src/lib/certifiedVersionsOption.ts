import type { CertifiedVersions } from '@ai-conformance/plugin-ai-conformance-common';
import { loadCertifiedVersions } from '@ai-conformance/plugin-ai-conformance-node';
import { CliError } from './CliError';
import { displayUrl } from './displayUrl';

/**
 * Reads `--certified-versions DIR|URL` (a clone of cncf/k8s-ai-conformance,
 * its GitHub URL, or one `vX.Y/<product>/PRODUCT.yaml` URL) before any
 * cluster is contacted; a source that cannot be read is a usage error.
 */
export async function loadCertifiedVersionsOption(
  source: string | undefined,
  options: { timeoutMs?: number } = {},
): Promise<CertifiedVersions | undefined> {
  if (!source) return undefined;
  try {
    return await loadCertifiedVersions(source, {
      timeoutMs: options.timeoutMs,
    });
  } catch (e) {
    throw new CliError(
      displayUrl(`invalid --certified-versions: ${(e as Error).message}`),
    );
  }
}
