import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Platform } from '../types';
import { compareKubernetesVersions } from './kubernetesVersion';

/**
 * One certified submission of the CNCF AI conformance repository
 * (`cncf/k8s-ai-conformance`): the `metadata` of `vX.Y/<product>/PRODUCT.yaml`.
 *
 * @public
 */
export interface CertifiedProduct {
  /** Checklist version of the folder, e.g. '1.35'. */
  checklist: string;
  /** Product folder, e.g. 'gke', 'aks', 'OKE'. */
  product: string;
  platformName?: string;
  /** The certified platform version, e.g. '1.35.0-gke.2232000' or 'v1.35'. */
  platformVersion: string;
  vendorName?: string;
  /** Where it was read, e.g. 'v1.35/gke/PRODUCT.yaml' (or 'configuration'). */
  source: string;
}

/**
 * Certified platform versions read as data, so a new certification needs no
 * release.
 *
 * @public
 */
export interface CertifiedVersions {
  products: CertifiedProduct[];
  /** The repository clone, URL or config they came from. */
  loadedFrom?: string;
}

/**
 * Product folders of the CNCF repository that certify each platform
 * (compared case-insensitively).
 *
 * @public
 */
export const PLATFORM_PRODUCT_FOLDERS: Readonly<
  Record<Platform, readonly string[]>
> = {
  gke: ['gke'],
  eks: ['eks'],
  aks: ['aks'],
  openshift: ['openshift'],
  oke: ['oke'],
  ack: ['ack'],
  cce: ['cce'],
  lke: ['lke'],
  coreweave: ['cks'],
  vks: ['vks'],
  gardener: ['gardener'],
  kops: ['kops'],
  rke2: ['rke2'],
  k3s: [],
  talos: ['talos'],
  generic: [],
};

/** `v1.35/gke/PRODUCT.yaml` (optionally below a clone directory or URL prefix). */
const PRODUCT_PATH = /(?:^|\/)v(\d+\.\d+)\/([^/]+)\/PRODUCT\.ya?ml$/;

const metadataSchema = z.object({
  metadata: z.object({
    kubernetesVersion: z.union([z.string(), z.number()]).optional(),
    platformName: z.union([z.string(), z.number()]).optional(),
    platformVersion: z.union([z.string(), z.number()]),
    vendorName: z.union([z.string(), z.number()]).optional(),
  }),
});

/**
 * Whether a path names a submission file (`vX.Y/<product>/PRODUCT.yaml`).
 *
 * @public
 */
export function isProductYamlPath(path: string): boolean {
  return PRODUCT_PATH.test(path);
}

/**
 * Reads the certified version of one `PRODUCT.yaml`. `path` is its path in
 * the repository (`v1.35/gke/PRODUCT.yaml`): the folder gives the checklist
 * version and the product. Throws InputError for text that is not a
 * submission.
 *
 * @public
 */
export function parseProductYaml(text: string, path: string): CertifiedProduct {
  const where = PRODUCT_PATH.exec(path.replace(/\\/g, '/'));
  if (!where) {
    throw new InputError(
      `${path} is not a submission path (expected vX.Y/<product>/PRODUCT.yaml)`,
    );
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new InputError(`${path} is not YAML: ${(e as Error).message}`);
  }
  const parsed = metadataSchema.safeParse(doc);
  if (!parsed.success) {
    throw new InputError(
      `${path} has no metadata.platformVersion: ${parsed.error.issues
        .map(i => `${i.path.join('.')} ${i.message}`)
        .join('; ')}`,
    );
  }
  const m = parsed.data.metadata;
  const str = (v: string | number | undefined) =>
    v === undefined ? undefined : String(v).trim();
  return {
    checklist: where[1],
    product: where[2],
    platformName: str(m.platformName),
    platformVersion: String(m.platformVersion).trim(),
    vendorName: str(m.vendorName),
    source: `v${where[1]}/${where[2]}/PRODUCT.yaml`,
  };
}

/**
 * The certified submissions of a platform for a checklist version.
 *
 * @public
 */
export function certifiedProductsFor(
  data: CertifiedVersions | undefined,
  platform: Platform,
  checklist: string,
): CertifiedProduct[] {
  const folders = PLATFORM_PRODUCT_FOLDERS[platform].map(f => f.toLowerCase());
  return (data?.products ?? []).filter(
    p => p.checklist === checklist && folders.includes(p.product.toLowerCase()),
  );
}

/**
 * The lowest certified GKE version per minor found in the data, with where
 * each came from. Entries whose platform version is not a GKE version are
 * left out.
 *
 * @public
 */
export function gkeMinimumsFromData(
  data: CertifiedVersions | undefined,
): Record<string, { minimum: string; source: string }> {
  const out: Record<string, { minimum: string; source: string }> = {};
  for (const p of data?.products ?? []) {
    if (p.product.toLowerCase() !== 'gke') continue;
    if (!/^v?\d+\.\d+\.\d+-gke\.\d+$/.test(p.platformVersion)) continue;
    const version = p.platformVersion.replace(/^v/, '');
    const current = out[p.checklist];
    if (!current || compareKubernetesVersions(version, current.minimum) < 0) {
      out[p.checklist] = { minimum: version, source: p.source };
    }
  }
  return out;
}
