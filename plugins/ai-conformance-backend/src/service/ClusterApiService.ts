import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { MetricsRange } from '@ai-conformance/plugin-ai-conformance-node';
import { parse as parseYaml } from 'yaml';
import {
  aiConformanceReportUploadPermission,
  aiConformanceRunActivePermission,
  aiConformanceRunCreatePermission,
  buildProductYamlDraft,
  computeConformanceLevel,
  DEFAULT_GOLD_LEVEL_RULES,
  getChecklist,
  getChecklistVersions,
  type Checklist,
  type ClusterDetail,
  type ClusterListQuery,
  type ClusterListResponse,
  type ClusterSummary,
  type GoldLevelRules,
  type ProductYamlMetadata,
  type RunHistoryResponse,
  type RunMode,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from '../database/ConformanceStore';
import type {
  ClusterSummaryQuery,
  ClusterSummaryStore,
} from '../database/ClusterSummaryStore';
import { callerKey, type FleetVisibility } from './FleetVisibility';
import type {
  AcceleratorMetricsService,
  AcceleratorRequestContext,
} from '../accelerators/AcceleratorMetricsService';
import type { AcceleratorsResponse } from '../accelerators/types';
import type { ClusterAccess } from './ClusterAccess';
import { toRunRecord, toRunStatus, type RunManager } from './RunManager';
import type { ReportUpload, ReportUploadService } from './ReportUploadService';
import { summarizeRecord } from './summarizeCluster';
import { ClusterListCache, type CachedClusterList } from './ClusterListCache';
import { principalRef, runCreator } from './runCreator';
import {
  clusterSubmissionBundle,
  type SubmissionBundleDownload,
} from './clusterSubmissionBundle';

/** `GET /clusters` page size when the request names none. */
export const DEFAULT_CLUSTER_PAGE = 100;
/** The largest `GET /clusters` page (the spec's `limit` maximum). */
const MAX_CLUSTER_PAGE = 1000;

/** The logic behind each HTTP route, with entity and permission checks. */
export class ClusterApiService {
  /** Recent answers of `GET /clusters` for the whole catalog fleet. */
  readonly #listCache = new ClusterListCache();
  /** Reads of answers in flight, by generation and query. */
  readonly #listReads = new Map<string, Promise<CachedClusterList>>();

  constructor(
    private readonly deps: {
      access: ClusterAccess;
      store: ConformanceStore;
      /** The fleet's read model behind `GET /clusters`. */
      summaries: Pick<ClusterSummaryStore, 'list' | 'facets' | 'generation'>;
      /** Which clusters each caller's `GET /clusters` covers. */
      visibility: Pick<FleetVisibility, 'scope'>;
      runs: RunManager;
      uploads: ReportUploadService;
      auditor: AuditorService;
      /** Inventory and DCGM series of `GET .../accelerators`. */
      accelerators?: Pick<AcceleratorMetricsService, 'getAccelerators'>;
      selfAssessmentMetadata: ProductYamlMetadata;
      /** `aiConformance.levels.gold`; defaults when empty. */
      goldRules?: Partial<GoldLevelRules>;
      /** Active runs are allowed (`aiConformance.active.enabled`). */
      activeRunsEnabled?: boolean;
      /** The clock levels are measured against (tests). */
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  getRequirements(version?: string): Checklist {
    const versions = getChecklistVersions();
    return getChecklist(version ?? versions[versions.length - 1]);
  }

  /**
   * A page of the clusters the caller may read, filtered and sorted in the
   * database from the clusters' summaries, with an entity tag that changes
   * with the page, the total and the caller.
   */
  async listClusters(
    credentials: BackstageCredentials,
    query: ClusterListQuery = {},
  ): Promise<ClusterListAnswer> {
    const now = this.#now();
    const scope = await this.deps.visibility.scope(credentials);
    if (!('inCatalog' in scope)) {
      return answerOf(credentials, await this.#readList(scope, query, now, ''));
    }
    // The whole catalog fleet is the same answer for every caller who may
    // read it all: reused while the summaries have not changed.
    const key = JSON.stringify({
      ...query,
      offset: query.offset ?? 0,
      limit: query.limit ?? DEFAULT_CLUSTER_PAGE,
      facets: !!query.facets,
    });
    const generation = await this.deps.summaries.generation();
    const cached = this.#listCache.get(key, generation, now.getTime());
    if (cached) return answerOf(credentials, cached);
    // Concurrent misses of one query share one read: when an answer
    // expires under load, one request reads it again, not all of them.
    const flight = `${generation}\n${key}`;
    let reading = this.#listReads.get(flight);
    if (!reading) {
      reading = this.#readList(scope, query, now, generation)
        .then(entry => {
          this.#listCache.set(key, entry);
          return entry;
        })
        .finally(() => this.#listReads.delete(flight));
      this.#listReads.set(flight, reading);
    }
    return answerOf(credentials, await reading);
  }

  /** A page read from the summaries, serialized once. */
  async #readList(
    scope: ClusterSummaryQuery['scope'],
    query: ClusterListQuery,
    now: Date,
    generation: string,
  ): Promise<CachedClusterList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_CLUSTER_PAGE;
    const levels = {
      rules: { ...DEFAULT_GOLD_LEVEL_RULES, ...this.deps.goldRules },
      now,
    };
    const facets = query.facets
      ? this.deps.summaries.facets(scope, levels)
      : undefined;
    const page = await this.deps.summaries.list({
      scope,
      verdict: query.verdict,
      level: query.level,
      platform: query.platform,
      requirementsVersion: query.requirementsVersion,
      owner: query.owner ? [query.owner] : undefined,
      kubernetesVersion: query.kubernetesVersion,
      text: query.q,
      sort: query.sort,
      order: query.order,
      offset,
      limit,
      levels,
    });
    const body: ClusterListResponse = {
      items: page.items.map(record =>
        summarizeRecord(record, { goldRules: this.deps.goldRules, now }),
      ),
      totalCount: page.totalCount,
      offset,
      limit,
      ...(facets ? { facets: await facets } : {}),
    };
    // Serialized once, for the tag and the answer.
    const json = JSON.stringify(body);
    return {
      generation,
      at: now.getTime(),
      body,
      json,
      digest: createHash('sha256').update(json).digest('base64url'),
    };
  }

  /** Every page of {@link ClusterApiService.listClusters} (for actions). */
  async listAllClusters(
    credentials: BackstageCredentials,
    query: Omit<ClusterListQuery, 'offset' | 'limit'> = {},
  ): Promise<ClusterSummary[]> {
    const items: ClusterSummary[] = [];
    for (let offset = 0; ; offset += MAX_CLUSTER_PAGE) {
      const { body } = await this.listClusters(credentials, {
        ...query,
        offset,
        limit: MAX_CLUSTER_PAGE,
      });
      items.push(...body.items);
      if (offset + MAX_CLUSTER_PAGE >= body.totalCount) return items;
    }
  }

  async getCluster(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
    options: { version?: string } = {},
  ): Promise<ClusterDetail> {
    const ref = await this.#readable(namespace, name, credentials);
    const version = options.version
      ? getChecklist(options.version).version
      : undefined;
    const [latest, last] = await Promise.all([
      this.deps.store.getLatestSucceeded(ref, version),
      this.deps.store.getLastRun(ref),
    ]);
    const lastRun = last ? await this.deps.runs.getRun(last.runId) : undefined;
    const report = latest?.report ?? null;
    return {
      entityRef: ref,
      report,
      lastRun: lastRun ? withoutReport(lastRun) : null,
      level: report
        ? computeConformanceLevel(report, {
            checkedAt: latest?.finishedAt ?? report.generatedAt,
            now: this.#now(),
            rules: this.deps.goldRules,
          })
        : null,
    };
  }

  async createRun(
    namespace: string,
    name: string,
    body: {
      dryRunProbes?: boolean;
      requirementsVersion?: string;
      mode?: RunMode;
    },
    credentials: BackstageCredentials,
    context: { request?: Request; userTokens?: Record<string, string> } = {},
  ): Promise<{ created: boolean; run: RunRecord }> {
    const { access, runs, auditor } = this.deps;
    const ref = access.entityRef(namespace, name);
    const event = await auditor.createEvent({
      eventId: 'run-create',
      severityLevel: 'medium',
      request: context.request,
      meta: {
        entityRef: ref,
        dryRunProbes: Boolean(body.dryRunProbes),
        mode: body.mode ?? 'passive',
      },
    });
    try {
      // Throws InputError (400) for a checklist version nobody knows.
      const requirementsVersion =
        body.requirementsVersion === undefined
          ? undefined
          : getChecklist(body.requirementsVersion).version;
      await access.requireEntity(ref, credentials);
      await access.authorize(
        aiConformanceRunCreatePermission,
        ref,
        credentials,
      );
      if (body.mode === 'active') {
        await access.authorize(
          aiConformanceRunActivePermission,
          ref,
          credentials,
        );
        if (!this.deps.activeRunsEnabled) {
          throw new NotAllowedError(
            'Active runs are turned off on this backend; an administrator enables them with aiConformance.active.enabled: true',
          );
        }
      }
      const result = await runs.requestRun(ref, {
        ...runCreator(credentials),
        credentials,
        mode: body.mode,
        dryRunProbes: body.dryRunProbes,
        requirementsVersion,
        userTokens: context.userTokens,
      });
      await event.success({
        meta: { runId: result.run.runId, created: result.created },
      });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  async getRun(
    runId: string,
    credentials: BackstageCredentials,
  ): Promise<RunRecord> {
    const run = await this.deps.runs.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No AI Conformance run ${runId}`);
    }
    await this.deps.access.authorizeRead(run.entityRef, credentials);
    return run;
  }

  async listRuns(
    namespace: string,
    name: string,
    options: { limit?: number; before?: string },
    credentials: BackstageCredentials,
  ): Promise<RunHistoryResponse> {
    const ref = await this.#readable(namespace, name, credentials);
    const items = await this.deps.store.listRuns(ref, {
      limit: options.limit ?? 20,
      before: options.before
        ? new Date(options.before).toISOString()
        : undefined,
    });
    const live = await Promise.all(
      items.map(async r =>
        r.status === 'queued' || r.status === 'running'
          ? (await this.deps.runs.getRun(r.runId)) ?? toRunRecord(r)
          : toRunRecord(r),
      ),
    );
    return { items: live.map(withoutReport) };
  }

  async uploadReport(
    namespace: string,
    name: string,
    upload: Omit<ReportUpload, 'uploadedBy'>,
    credentials: BackstageCredentials,
    context: { request?: Request } = {},
  ): Promise<RunRecord> {
    const { access, uploads, auditor } = this.deps;
    const ref = access.entityRef(namespace, name);
    const event = await auditor.createEvent({
      eventId: 'report-upload',
      severityLevel: 'medium',
      request: context.request,
      meta: {
        entityRef: ref,
        contentType: upload.contentType,
        sizeBytes: Buffer.byteLength(upload.body, 'utf8'),
      },
    });
    try {
      await access.requireEntity(ref, credentials);
      await access.authorize(
        aiConformanceReportUploadPermission,
        ref,
        credentials,
      );
      const run = await uploads.upload(ref, {
        ...upload,
        uploadedBy: principalRef(credentials),
      });
      await event.success({ meta: { runId: run.runId } });
      // A write reveals no more than a read would: the report only to
      // callers who may read it, otherwise the run's identity and status.
      return (await access.mayRead(ref, credentials)) ? run : toRunStatus(run);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  async getSelfAssessment(
    namespace: string,
    name: string,
    format: 'yaml' | 'json',
    credentials: BackstageCredentials,
    options: { version?: string } = {},
  ): Promise<{ contentType: string; body: string }> {
    const ref = await this.#readable(namespace, name, credentials);
    const version = options.version
      ? getChecklist(options.version).version
      : undefined;
    const latest = await this.deps.store.getLatestSucceeded(ref, version);
    if (!latest?.report) {
      throw new NotFoundError(
        `No AI Conformance report for ${ref} yet: run the checks or upload results first`,
      );
    }
    const yaml = buildProductYamlDraft(
      latest.report,
      this.deps.selfAssessmentMetadata,
    );
    return format === 'json'
      ? {
          contentType: 'application/json',
          body: JSON.stringify(parseYaml(yaml)),
        }
      : { contentType: 'application/yaml', body: yaml };
  }

  /**
   * The cluster's CNCF submission folder `vX.Y/<product>/` as a .tar.gz,
   * under `ai-conformance.report.read` for it (as the report).
   */
  async getSubmissionBundle(
    namespace: string,
    name: string,
    options: { product: string; version?: string },
    credentials: BackstageCredentials,
  ): Promise<SubmissionBundleDownload> {
    const ref = await this.#readable(namespace, name, credentials);
    return clusterSubmissionBundle(
      { store: this.deps.store, metadata: this.deps.selfAssessmentMetadata },
      ref,
      options,
    );
  }

  /**
   * Accelerator inventory and series of a cluster entity that exists, under
   * `ai-conformance.report.read` for it; `range` is 1h (default), 6h or 24h.
   */
  async getAccelerators(
    namespace: string,
    name: string,
    range: MetricsRange | undefined,
    context: AcceleratorRequestContext,
  ): Promise<AcceleratorsResponse> {
    const { accelerators } = this.deps;
    const ref = this.deps.access.entityRef(namespace, name);
    if (!accelerators) {
      throw new NotFoundError('Accelerator metrics are not served here');
    }
    await this.deps.access.requireEntity(ref, context.credentials);
    await this.deps.access.authorizeRead(ref, context.credentials);
    return accelerators.getAccelerators(ref, range ?? '1h', context);
  }

  async #readable(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const ref = this.deps.access.entityRef(namespace, name);
    await this.deps.access.requireEntity(ref, credentials);
    await this.deps.access.authorizeRead(ref, credentials);
    return ref;
  }
}

/** A `GET /clusters` answer, serialized once. */
export interface ClusterListAnswer {
  body: ClusterListResponse;
  json: string;
  /** A weak entity tag of the answer, different for each caller. */
  etag: string;
  /** `json` gzip-compressed (computed once per answer). */
  gzip(): Buffer;
}

function answerOf(
  credentials: BackstageCredentials,
  entry: CachedClusterList,
): ClusterListAnswer {
  return {
    body: entry.body,
    json: entry.json,
    etag: `W/"${createHash('sha256')
      .update(callerKey(credentials))
      .update('\n')
      .update(entry.digest)
      .digest('base64url')
      .slice(0, 32)}"`,
    gzip: () => (entry.gzip ??= gzipSync(entry.json)),
  };
}

function withoutReport(run: RunRecord): RunRecord {
  const { report, ...rest } = run;
  return rest;
}
