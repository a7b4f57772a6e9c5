import type { LoggerService } from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type { CertifiedVersions } from '@ai-conformance/plugin-ai-conformance-common';
import {
  loadCertifiedVersions,
  mergeCertifiedVersions,
} from '@ai-conformance/plugin-ai-conformance-node';

const KEY = 'aiConformance.certifiedVersions';
const DEFAULT_REFRESH_MS = 6 * 3_600_000;

interface ConfiguredProduct {
  checklist: string;
  product: string;
  platformVersion: string;
}

/**
 * Certified platform versions for check runs, from
 * `aiConformance.certifiedVersions` (see config.d.ts): a clone or GitHub URL
 * of the CNCF repository, re-read after `refresh`, plus entries given in
 * config. A source that cannot be read leaves the configured entries (and
 * the built-in GKE minimums) and logs a warning; runs never fail on it.
 */
export class CertifiedVersionsSource {
  readonly #source?: string;
  readonly #refreshMs: number;
  readonly #configured: ConfiguredProduct[];
  readonly #logger: LoggerService;

  private constructor(options: {
    source?: string;
    refreshMs: number;
    configured: ConfiguredProduct[];
    logger: LoggerService;
  }) {
    this.#source = options.source;
    this.#refreshMs = options.refreshMs;
    this.#configured = options.configured;
    this.#logger = options.logger;
  }

  /** Reads the config; throws for an invalid entry (at startup). */
  static fromConfig(
    root: Config,
    logger: LoggerService,
  ): CertifiedVersionsSource {
    const c = root.getOptionalConfig(KEY);
    const refreshMs = c?.has('refresh')
      ? durationToMilliseconds(readDurationFromConfig(c, { key: 'refresh' }))
      : DEFAULT_REFRESH_MS;
    const configured = (c?.getOptionalConfigArray('products') ?? []).map(
      (p, i) => {
        const entry = {
          checklist: p.getString('checklist'),
          product: p.getString('product'),
          platformVersion: p.getString('platformVersion'),
        };
        if (!/^v?\d+\.\d+$/.test(entry.checklist)) {
          throw new Error(
            `${KEY}.products[${i}].checklist must be a checklist version like 1.36, got "${entry.checklist}"`,
          );
        }
        if (!/^[A-Za-z0-9._-]+$/.test(entry.product)) {
          throw new Error(
            `${KEY}.products[${i}].product must be a submission folder name like gke`,
          );
        }
        return entry;
      },
    );
    return new CertifiedVersionsSource({
      source: c?.getOptionalString('source'),
      refreshMs,
      configured,
      logger,
    });
  }

  /** The certified versions to evaluate with; undefined when none are configured. */
  async get(): Promise<CertifiedVersions | undefined> {
    let loaded: CertifiedVersions | undefined;
    if (this.#source) {
      try {
        loaded = await loadCertifiedVersions(this.#source, {
          cacheTtlMs: this.#refreshMs,
        });
      } catch (error) {
        this.#logger.warn(
          `Certified versions not read from ${KEY}.source: ${
            (error as Error).message
          }`,
        );
      }
    }
    return mergeCertifiedVersions(loaded, this.#configured);
  }
}
