import {
  type CertifiedProduct,
  type CertifiedVersions,
  isProductYamlPath,
  parseProductYaml,
} from '@ai-conformance/plugin-ai-conformance-common';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

/** Largest PRODUCT.yaml accepted (the real ones are under 25 kB). */
const MAX_FILE_BYTES = 256 * 1024;
/** Most submission files read from one source. */
const MAX_FILES = 1000;
/** Largest repository listing accepted from the GitHub API. */
const MAX_LISTING_BYTES = 8 * 1024 * 1024;

/** @public */
export interface LoadCertifiedVersionsOptions {
  /** Time allowed for the whole load. Default 20 s. */
  timeoutMs?: number;
  /** A cached result younger than this is returned as is. Default 6 hours. */
  cacheTtlMs?: number;
  /** Requests at the same time when reading from GitHub. Default 4. */
  concurrency?: number;
  /** For tests: the fetch to use. */
  fetchImpl?: typeof fetch;
}

const cache = new Map<string, { at: number; value: CertifiedVersions }>();

/** `https://github.com/<owner>/<repo>` with an optional `/tree/<ref>`. */
const GITHUB_REPO =
  /^https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:\/tree\/([A-Za-z0-9_./-]+))?\/?$/;

async function readLimited(res: Response, max: number, what: string) {
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > max) throw new InputError(`${what} is too large`);
  const text = await res.text();
  if (text.length > max) throw new InputError(`${what} is too large`);
  return text;
}

async function fetchText(
  url: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
  max: number,
): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal });
  } catch (e) {
    throw new InputError(`Could not fetch ${url}: ${(e as Error).message}`);
  }
  if (!res.ok)
    throw new InputError(`Could not fetch ${url}: HTTP ${res.status}`);
  return readLimited(res, max, url);
}

/** Submission files of a local clone: `v*\/*\/PRODUCT.yaml` below `dir`. */
async function fromDirectory(dir: string): Promise<CertifiedProduct[]> {
  let versions: string[];
  try {
    versions = (await fs.readdir(dir, { withFileTypes: true }))
      .filter(d => d.isDirectory() && /^v\d+\.\d+$/.test(d.name))
      .map(d => d.name);
  } catch (e) {
    throw new InputError(
      `Could not read certified versions from ${dir}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
  const products: CertifiedProduct[] = [];
  for (const version of versions.sort()) {
    const entries = await fs.readdir(path.join(dir, version), {
      withFileTypes: true,
    });
    for (const entry of entries.filter(e => e.isDirectory())) {
      const rel = `${version}/${entry.name}/PRODUCT.yaml`;
      const file = path.join(dir, rel);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile()) continue;
      if (stat.size > MAX_FILE_BYTES)
        throw new InputError(`${rel} is too large`);
      if (products.length >= MAX_FILES)
        throw new InputError(`${dir} holds more than ${MAX_FILES} submissions`);
      products.push(parseProductYaml(await fs.readFile(file, 'utf8'), rel));
    }
  }
  return products;
}

/** Submission files of a GitHub repository: the tree listing, then each raw file. */
async function fromGitHub(
  owner: string,
  repo: string,
  ref: string,
  options: Required<Pick<LoadCertifiedVersionsOptions, 'concurrency'>> & {
    fetchImpl: typeof fetch;
    signal: AbortSignal;
  },
): Promise<CertifiedProduct[]> {
  const listingUrl = `https://api.github.com/repos/${owner}/${repo}/git/trees/${encodeURIComponent(
    ref,
  )}?recursive=1`;
  const listing = await fetchText(
    listingUrl,
    options.fetchImpl,
    options.signal,
    MAX_LISTING_BYTES,
  );
  let tree: Array<{ path?: unknown; type?: unknown }>;
  try {
    tree = (JSON.parse(listing) as { tree?: typeof tree }).tree ?? [];
  } catch {
    throw new InputError(`${listingUrl} did not answer a JSON tree listing`);
  }
  const paths = tree
    .filter(e => e.type === 'blob' && typeof e.path === 'string')
    .map(e => e.path as string)
    .filter(p => /^v\d+\.\d+\/[^/]+\/PRODUCT\.ya?ml$/.test(p))
    .filter(isProductYamlPath);
  if (paths.length > MAX_FILES)
    throw new InputError(
      `${owner}/${repo} lists more than ${MAX_FILES} submissions`,
    );
  const limit = pLimit(options.concurrency);
  return Promise.all(
    paths.map(p =>
      limit(async () =>
        parseProductYaml(
          await fetchText(
            `https://raw.githubusercontent.com/${owner}/${repo}/${ref}/${p}`,
            options.fetchImpl,
            options.signal,
            MAX_FILE_BYTES,
          ),
          p,
        ),
      ),
    ),
  );
}

/**
 * Reads the certified platform versions of the CNCF AI conformance
 * repository from its `vX.Y/<product>/PRODUCT.yaml` files: from a local clone
 * directory, a GitHub repository URL (`https://github.com/cncf/k8s-ai-conformance`,
 * optionally `/tree/<ref>`), or the http(s) URL of one submission file ending
 * in `vX.Y/<product>/PRODUCT.yaml`. Results are cached per source. Reads are
 * bounded in size, count and time; throws InputError for unreadable or
 * invalid input.
 *
 * @public
 */
export async function loadCertifiedVersions(
  source: string,
  options: LoadCertifiedVersionsOptions = {},
): Promise<CertifiedVersions> {
  const ttl = options.cacheTtlMs ?? 6 * 3_600_000;
  const cached = cache.get(source);
  if (cached && Date.now() - cached.at < ttl) return cached.value;

  const signal = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const fetchImpl = options.fetchImpl ?? fetch;
  let products: CertifiedProduct[];
  const github = GITHUB_REPO.exec(source);
  if (github) {
    products = await fromGitHub(github[1], github[2], github[3] ?? 'main', {
      concurrency: options.concurrency ?? 4,
      fetchImpl,
      signal,
    });
  } else if (/^https?:\/\//i.test(source)) {
    const pathname = new URL(source).pathname;
    if (!isProductYamlPath(pathname)) {
      throw new InputError(
        `${source} is neither a GitHub repository nor a vX.Y/<product>/PRODUCT.yaml file`,
      );
    }
    products = [
      parseProductYaml(
        await fetchText(source, fetchImpl, signal, MAX_FILE_BYTES),
        pathname,
      ),
    ];
  } else {
    products = await fromDirectory(source.replace(/^file:\/\//, ''));
  }
  const value: CertifiedVersions = { products, loadedFrom: source };
  cache.set(source, { at: Date.now(), value });
  return value;
}

/**
 * Certified versions given directly (config `aiConformance.certifiedVersions.products`),
 * added to loaded ones.
 *
 * @public
 */
export function mergeCertifiedVersions(
  loaded: CertifiedVersions | undefined,
  configured: ReadonlyArray<{
    checklist: string;
    product: string;
    platformVersion: string;
  }>,
): CertifiedVersions | undefined {
  if (!loaded && configured.length === 0) return undefined;
  return {
    loadedFrom: loaded?.loadedFrom,
    products: [
      ...(loaded?.products ?? []),
      ...configured.map(c => ({
        checklist: c.checklist.replace(/^v/, ''),
        product: c.product,
        platformVersion: c.platformVersion,
        source: 'configuration',
      })),
    ],
  };
}
