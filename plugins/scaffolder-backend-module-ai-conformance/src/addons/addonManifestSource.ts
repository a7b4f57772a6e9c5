import type { RootConfigService } from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AddonRelease } from '../render/addonReleases';

/** Config key of the add-on manifest sources. */
export const ADDONS_CONFIG_KEY = 'aiConformance.gke.addons';

/** A manifest file read from a URL is at most this large. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Where the add-ons' manifests come from.
 *
 * @public
 */
export interface AddonManifestSettings {
  /** `<dir>/<chart>/<version>.yaml`, looked at first. */
  mirrorDirectory?: string;
  /** Chart name → URL of its manifests, `{version}` standing for the version. */
  manifestUrls: Record<string, string>;
}

/** Reads `aiConformance.gke.addons`. */
export function readAddonManifestSettings(
  config: RootConfigService,
): AddonManifestSettings {
  const urls = config.getOptionalConfig(`${ADDONS_CONFIG_KEY}.manifestUrls`);
  const manifestUrls: Record<string, string> = {};
  for (const key of urls?.keys() ?? []) {
    manifestUrls[key] = urls!.getString(key);
  }
  const mirror = config.getOptionalString(
    `${ADDONS_CONFIG_KEY}.mirrorDirectory`,
  );
  return {
    mirrorDirectory: mirror ? path.resolve(mirror) : undefined,
    manifestUrls,
  };
}

/** The manifests of one add-on release and where they came from. */
export interface AddonManifests {
  release: AddonRelease;
  source: string;
  text: string;
}

/** A URL with `{version}` filled in. */
function urlFor(template: string, version: string): string {
  return template.replace(/\{version\}/g, version);
}

async function fetchBounded(url: string): Promise<string> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    redirect: 'follow',
  });
  if (!response.ok) {
    throw new ServiceUnavailableError(
      `Could not download ${url}: HTTP ${response.status}`,
    );
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_MANIFEST_BYTES) {
    throw new InputError(
      `${url} is larger than ${MAX_MANIFEST_BYTES} bytes; mirror a trimmed copy instead`,
    );
  }
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length > MAX_MANIFEST_BYTES) {
    throw new InputError(
      `${url} is larger than ${MAX_MANIFEST_BYTES} bytes; mirror a trimmed copy instead`,
    );
  }
  return buffer.toString('utf8');
}

/**
 * Loads the manifests of an add-on release: from the mirror directory when
 * it holds `<chart>/<version>.yaml`, otherwise from the configured URL of
 * the chart, otherwise from the release file the add-on's project publishes
 * (`manifestsUrl` of the planned add-on). Throws naming what to configure
 * when none exists.
 */
export async function loadAddonManifests(
  release: AddonRelease,
  settings: AddonManifestSettings,
): Promise<AddonManifests> {
  const { addon, version } = release;
  if (settings.mirrorDirectory) {
    const file = resolveSafeChildPath(
      settings.mirrorDirectory,
      path.join(addon.chart, `${version}.yaml`),
    );
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) {
      if (stat.size > MAX_MANIFEST_BYTES) {
        throw new InputError(
          `${file} is larger than ${MAX_MANIFEST_BYTES} bytes`,
        );
      }
      return { release, source: file, text: await fs.readFile(file, 'utf8') };
    }
  }
  const template = settings.manifestUrls[addon.chart] ?? addon.manifestsUrl;
  if (!template) {
    throw new InputError(
      `No manifests for ${
        addon.chart
      } ${version}: its project publishes a Helm chart only; render it (helm template) into ${
        settings.mirrorDirectory ?? `<${ADDONS_CONFIG_KEY}.mirrorDirectory>`
      }/${
        addon.chart
      }/${version}.yaml or set ${ADDONS_CONFIG_KEY}.manifestUrls.${
        addon.chart
      }`,
    );
  }
  const url = urlFor(template, version);
  return { release, source: url, text: await fetchBounded(url) };
}
