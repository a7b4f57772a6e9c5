import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { aiConformanceReportReadPermission } from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ClusterSummaryQuery,
  ClusterSummaryStore,
} from '../database/ClusterSummaryStore';
import type { ClusterAccess } from './ClusterAccess';

/** How old the catalog's cluster list may be before it is read again. */
export const CATALOG_SYNC_INTERVAL_MS = 10_000;

/** Who is asking: one caller's answers are never shared with another. */
export function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type ?? 'unknown'}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}

/**
 * Which clusters a caller's `GET /clusters` covers: the cluster entities
 * the caller can see in the catalog, and other entities with stored runs
 * the caller can see, of which those whose reports the caller may read.
 *
 * When the policy allows both `catalog.entity.read` and
 * `ai-conformance.report.read` outright (one permission request), that set
 * is every catalog cluster: the summaries' catalog flag, kept by a sync of
 * the catalog that runs at most every {@link CATALOG_SYNC_INTERVAL_MS}.
 * Otherwise (conditional or denied) the set is decided for this caller
 * alone, with the caller's credentials and per-cluster decisions.
 *
 * Concurrent requests of one caller share the permission request in
 * flight (nothing is kept once it is answered): a page of the fleet polled
 * by many tabs or tools asks the permission backend once per round trip.
 */
export class FleetVisibility {
  /** When the catalog was last read into the summaries; never at first. */
  #syncedAt: number | undefined;
  #sync: Promise<void> | undefined;
  readonly #decisions = new Map<string, Promise<PolicyDecision[]>>();

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      permissions: PermissionsService;
      auth: AuthService;
      summaries: ClusterSummaryStore;
      logger?: LoggerService;
      now?: () => number;
    },
  ) {}

  async scope(
    credentials: BackstageCredentials,
  ): Promise<ClusterSummaryQuery['scope']> {
    const [read, catalogRead] = await this.#decide(credentials);
    if (read.result === AuthorizeResult.DENY) return { refs: [] };
    await this.syncCatalog();
    if (
      read.result === AuthorizeResult.ALLOW &&
      catalogRead.result === AuthorizeResult.ALLOW
    ) {
      return { inCatalog: true };
    }
    const { access, summaries } = this.deps;
    const [clusterRefs, withRuns] = await Promise.all([
      access.listClusterEntityRefs(credentials),
      summaries.listRefsWithRuns(),
    ]);
    const known = new Set(clusterRefs);
    const storedOnly = withRuns.filter(ref => !known.has(ref));
    const refs = [
      ...clusterRefs,
      ...(await access.existing(storedOnly, credentials)),
    ];
    return { refs: await access.filterReadable(refs, credentials) };
  }

  #decide(credentials: BackstageCredentials): Promise<PolicyDecision[]> {
    const key = callerKey(credentials);
    let pending = this.#decisions.get(key);
    if (!pending) {
      pending = this.deps.permissions
        .authorizeConditional(
          [
            { permission: aiConformanceReportReadPermission },
            { permission: catalogEntityReadPermission },
          ],
          { credentials },
        )
        .finally(() => this.#decisions.delete(key));
      this.#decisions.set(key, pending);
    }
    return pending;
  }

  /**
   * Reads the catalog's cluster entities into the summaries when the last
   * read is older than the interval: the first time waited for, later ones
   * in the background while the previous list answers.
   */
  async syncCatalog(options: { force?: boolean } = {}): Promise<void> {
    const now = this.deps.now?.() ?? Date.now();
    const stale =
      this.#syncedAt === undefined ||
      now - this.#syncedAt >= CATALOG_SYNC_INTERVAL_MS;
    if (!this.#sync && (stale || options.force)) {
      this.#sync = this.#readCatalog().finally(() => {
        this.#sync = undefined;
      });
    }
    if (this.#sync && (this.#syncedAt === undefined || options.force)) {
      await this.#sync;
    }
  }

  async #readCatalog(): Promise<void> {
    const { access, auth, summaries, logger } = this.deps;
    try {
      const credentials = await auth.getOwnServiceCredentials();
      const clusters = await access.listClusterEntities(credentials);
      await summaries.syncCatalog(clusters, refs =>
        access.existing(refs, credentials),
      );
      this.#syncedAt = this.deps.now?.() ?? Date.now();
    } catch (error) {
      logger?.warn(
        `Could not read the catalog's clusters for GET /clusters: ${
          (error as Error).message
        }`,
      );
      if (this.#syncedAt === undefined) throw error;
    }
  }
}
