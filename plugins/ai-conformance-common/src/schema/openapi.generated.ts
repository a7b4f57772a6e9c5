// Generated from plugins/ai-conformance-backend/src/schema/openapi.yaml by
// plugins/ai-conformance-backend/scripts/generate-openapi.js; do not edit.

/** @public */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness of the plugin; needs no token. */
    get: operations['GetHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/requirements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The requirements of one checklist version (default the newest). */
    get: operations['GetRequirements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Latest result of the clusters the caller may read, filtered, sorted and one page at a time, from the fleet's summaries (no report is read). Answers 304 to an `If-None-Match` that carries the page's current `ETag`. */
    get: operations['ListClusters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Latest report and last run of one cluster entity. */
    get: operations['GetCluster'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Run history of one cluster, newest first. */
    get: operations['ListRuns'];
    put?: never;
    /** Starts a check run. When a run of the cluster is already queued or running, answers 200 with that run instead of starting another; an active run asked for while a passive run is queued or running answers 409 naming it. An active run needs `ai-conformance.run.active` (besides `ai-conformance.run.create`) and `aiConformance.active.enabled` (403 otherwise). */
    post: operations['CreateRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/reports': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Uploads a cluster snapshot (evaluated here) or official-suite results (junit.xml, results.json from `go test -json`, or e2e.log, the verbose `go test` output, as text/plain). The body size is limited by `aiConformance.uploads.maxBytes`. */
    post: operations['UploadReport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/self-assessment': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** A CNCF submission draft (PRODUCT.yaml) from the latest report. */
    get: operations['GetSelfAssessment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/bundle': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** The CNCF submission folder `vX.Y/<product>/` (PRODUCT.yaml, the newest uploaded official-suite artifacts, the report's own active run as `active/junit.xml`, `active/results.json` and `active/e2e.log`, and evidence files) as a .tar.gz, built from the latest report as `ai-conformance bundle` builds it. Needs `ai-conformance.report.read` on the cluster. */
    get: operations['GetSubmissionBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/accelerators': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** Accelerator inventory from the API server and DCGM series from the cluster's configured Prometheus-compatible source. A failing source adds an entry to `errors`; the inventory is still returned. */
    get: operations['GetClusterAccelerators'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/clusters/{namespace}/{name}/badge.svg': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /** A shields-style SVG badge with the verdict and level. Needs no token when `aiConformance.badges.public` is true. */
    get: operations['GetClusterBadge'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        runId: string;
      };
      cookie?: never;
    };
    /** One run, with progress while it runs and its report once it succeeded. */
    get: operations['GetRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
  schemas: {
    Error: {
      error: {
        name: string;
        message: string;
      };
      request?: Record<string, unknown>;
      response?: Record<string, unknown>;
    };
    Verdict: 'conformant' | 'not-conformant' | 'incomplete';
    RunStatus: 'queued' | 'running' | 'succeeded' | 'failed';
    RunProgress: {
      done: number;
      total: number;
      phase?: string;
    };
    CreateRunRequest: {
      dryRunProbes?: boolean;
      /** Evaluate against this checklist version instead of the cluster's minor. */
      requirementsVersion?: string;
      /** `active` also runs test workloads on the cluster ("Verify with workloads"); needs `ai-conformance.run.active` and `aiConformance.active.enabled`. Default `passive` (reads only). */
      mode?: components['schemas']['RunMode'];
    };
    RunMode: 'passive' | 'active';
    CreateRunResponse: {
      runId: string;
      status?: components['schemas']['RunStatus'];
    };
    RunRecord: {
      runId: string;
      entityRef: string;
      status: components['schemas']['RunStatus'];
      trigger: 'user' | 'schedule' | 'upload';
      mode?: components['schemas']['RunMode'];
      progress: components['schemas']['RunProgress'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt?: string;
      /** Format: date-time */
      finishedAt?: string;
      createdBy?: string;
      verdict?: components['schemas']['Verdict'];
      requirementsVersion?: string;
      report?: components['schemas']['ConformanceReport'];
      /** MUST/SHOULD counts of a succeeded run (history items carry these instead of the report). */
      counts?: {
        mustPassed: number;
        mustTotal: number;
        shouldPassed: number;
        shouldTotal: number;
      };
      error?: string;
    };
    ClusterSummary: {
      entityRef: string;
      verdict: components['schemas']['Verdict'] | null;
      requirementsVersion: string | null;
      mustPassed: number;
      mustTotal: number;
      shouldPassed: number;
      shouldTotal: number;
      platform:
        | 'gke'
        | 'eks'
        | 'aks'
        | 'openshift'
        | 'oke'
        | 'ack'
        | 'cce'
        | 'lke'
        | 'coreweave'
        | 'vks'
        | 'gardener'
        | 'kops'
        | 'rke2'
        | 'k3s'
        | 'talos'
        | 'generic'
        | null;
      kubernetesVersion: string | null;
      /** Format: date-time */
      lastRunAt: string | null;
      statuses?: {
        [key: string]: string;
      };
      /** Scorecard level of the latest report; null when never checked. */
      level?: components['schemas']['ConformanceLevel'] | null;
      /** Why the cluster is not one level higher (empty at gold). */
      levelMissing?: string[];
      /**
       * Format: date-time
       * When the latest succeeded run finished (what the level's age is measured from).
       */
      checkedAt?: string | null;
      /** The newest run of any status. */
      lastRunId?: string | null;
      lastRunStatus?: components['schemas']['RunStatus'] | null;
      /** Accelerators (GPUs, TPUs) the latest report counts as capacity. */
      acceleratorCount?: number;
      /** The catalog entity's `spec.owner`. */
      owner?: string | null;
      /** The catalog entity's `metadata.title`. */
      title?: string | null;
    };
    ClusterList: {
      items: components['schemas']['ClusterSummary'][];
      /** Clusters matching the filters that the caller may read. */
      totalCount: number;
      offset: number;
      limit: number;
      facets?: components['schemas']['ClusterFacets'];
    };
    ClusterFacets: {
      /** Clusters per verdict, `unchecked` for those without a succeeded run. */
      verdicts: {
        [key: string]: number;
      };
      /** Clusters per scorecard level, `unchecked` for those without one. */
      levels: {
        [key: string]: number;
      };
      owners: string[];
      platforms: string[];
      requirementsVersions: string[];
    };
    ClusterDetail: {
      entityRef: string;
      report: components['schemas']['ConformanceReport'] | null;
      lastRun: components['schemas']['RunRecord'] | null;
      /** Scorecard level of the report and what the next level needs. */
      level?: components['schemas']['LevelResult'] | null;
    };
    ConformanceLevel: 'none' | 'bronze' | 'silver' | 'gold';
    LevelResult: {
      level: components['schemas']['ConformanceLevel'];
      missing: string[];
    };
    RequirementResult: {
      id: string;
      category: components['schemas']['RequirementCategory'];
      level: 'MUST' | 'SHOULD';
      conditional: boolean;
      title: string;
      status: 'pass' | 'fail' | 'partial' | 'not-applicable' | 'unknown';
      method: 'passive' | 'dry-run' | 'artifact' | 'active';
      summary: string;
      evidence: components['schemas']['Evidence'][];
      remediation: components['schemas']['Remediation'][];
      errors: components['schemas']['EvaluationError'][];
      links?: components['schemas']['Link'][];
      notes?: string[];
    };
    AcceleratorsResponse: {
      entityRef: string;
      /** Null when the cluster could not be read (see errors). */
      inventory: components['schemas']['AcceleratorInventory'] | null;
      /** Null when no metrics source is configured or every query failed. */
      series: components['schemas']['AcceleratorMetricSeries'] | null;
      /** Where series come from (never the URL or credentials). */
      source:
        | {
            type: 'none';
          }
        | {
            type: 'prometheus';
            auth: 'none' | 'bearer' | 'basic' | 'google';
          };
      errors: {
        source: 'prometheus' | 'kubernetes' | 'config';
        message: string;
      }[];
      /** Format: date-time */
      generatedAt: string;
    };
    AcceleratorResourceCount: {
      resource: string;
      capacity: number;
      allocatable: number;
      allocated?: number;
    };
    AcceleratorNode: {
      name: string;
      ready: boolean;
      model?: string;
      driverVersion?: string;
      zone?: string;
      instanceType?: string;
      resources: components['schemas']['AcceleratorResourceCount'][];
      draDevices: number;
    };
    AcceleratorInventory: {
      totalNodes: number;
      acceleratorNodes: number;
      totals: components['schemas']['AcceleratorResourceCount'][];
      pools: {
        pool: string;
        poolLabel?: string;
        acceleratorType?: string;
        models: string[];
        driverVersions: string[];
        labels: {
          [key: string]: string;
        };
        resources: components['schemas']['AcceleratorResourceCount'][];
        draDevices: number;
        nodes: components['schemas']['AcceleratorNode'][];
      }[];
      draDevices: {
        driver: string;
        node?: string;
        pool?: string;
        devices: number;
        models: string[];
        driverVersions: string[];
      }[];
      warnings: string[];
    };
    DcgmMetricKey:
      | 'utilization'
      | 'memoryUsed'
      | 'memoryFree'
      | 'power'
      | 'temperature';
    /** [unix seconds, value] */
    MetricPoint: [number, number];
    AcceleratorMetricSeries: {
      range: '1h' | '6h' | '24h';
      stepSeconds: number;
      start: number;
      end: number;
      gpus: {
        metric: components['schemas']['DcgmMetricKey'];
        unit: string;
        node: string;
        pool: string;
        gpu: string;
        uuid?: string;
        modelName?: string;
        latest?: components['schemas']['MetricPoint'];
        points: components['schemas']['MetricPoint'][];
      }[];
      pools: {
        metric: components['schemas']['DcgmMetricKey'];
        unit: string;
        pool: string;
        aggregate: 'avg' | 'sum' | 'max';
        gpus: number;
        latest?: components['schemas']['MetricPoint'];
        points: components['schemas']['MetricPoint'][];
      }[];
    };
    RequirementCategory:
      | 'accelerators'
      | 'networking'
      | 'schedulingOrchestration'
      | 'observability'
      | 'security'
      | 'operator';
    Platform:
      | 'gke'
      | 'eks'
      | 'aks'
      | 'openshift'
      | 'oke'
      | 'ack'
      | 'cce'
      | 'lke'
      | 'coreweave'
      | 'vks'
      | 'gardener'
      | 'kops'
      | 'rke2'
      | 'k3s'
      | 'talos'
      | 'generic';
    Evidence: {
      description: string;
      object?: {
        apiVersion: string;
        kind: string;
        name: string;
        namespace?: string;
      };
      fields?: {
        [key: string]: string | number | boolean;
      };
      url?: string;
    };
    Remediation: {
      description: string;
      platform?:
        | 'gke'
        | 'eks'
        | 'aks'
        | 'openshift'
        | 'oke'
        | 'ack'
        | 'cce'
        | 'lke'
        | 'coreweave'
        | 'vks'
        | 'gardener'
        | 'kops'
        | 'rke2'
        | 'k3s'
        | 'talos'
        | 'generic'
        | 'any';
      command?: string;
      terraform?: string;
      url?: string;
    };
    EvaluationError: {
      read: string;
      outcome:
        | 'ok'
        | 'forbidden'
        | 'notFound'
        | 'unavailable'
        | 'timeout'
        | 'error'
        | 'skipped';
      message: string;
      hint?: string;
    };
    Link: {
      title: string;
      url: string;
    };
    ConformanceReport: {
      schemaVersion: 1;
      requirementsVersion: string;
      generatedAt: string;
      cluster: {
        name: string;
        server?: string;
        kubernetesVersion?: string;
        platform: components['schemas']['Platform'];
        nodeCount?: number;
        accelerators: {
          resource: string;
          type?: string;
          nodes: number;
          capacity: number;
          allocatable: number;
        }[];
      };
      verdict: components['schemas']['Verdict'];
      requirements: components['schemas']['RequirementResult'][];
      findings: {
        id: string;
        severity: 'info' | 'warning' | 'error';
        summary: string;
        details?: string;
        remediation?: components['schemas']['Remediation'][];
      }[];
      stats: {
        apiRequests: number;
        durationMs: number;
        waves?: number;
      };
    };
    Checklist: {
      version: string;
      source: 'built-in' | 'registered';
      requirements: {
        id: string;
        category: components['schemas']['RequirementCategory'];
        level: 'MUST' | 'SHOULD';
        conditional: boolean;
        condition?: string;
        title: string;
        description: string;
        officialDescription?: string;
        links: components['schemas']['Link'][];
        officialTests: string[];
      }[];
    };
  };
  responses: {
    /** An error. */
    ErrorResponse: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    namespace: string;
    name: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
/** @public */
export type $defs = Record<string, never>;
/** @public */
export interface operations {
  GetHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The plugin is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'ok';
          };
        };
      };
    };
  };
  GetRequirements: {
    parameters: {
      query?: {
        version?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The checklist. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Checklist'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  ListClusters: {
    parameters: {
      query?: {
        /** Comma-separated verdicts; `unchecked` for clusters without a succeeded run. */
        verdict?: string;
        /** Comma-separated scorecard levels; `unchecked` for clusters without one. */
        level?: string;
        /** Comma-separated platforms, e.g. `gke,eks`. */
        platform?: string;
        /** Comma-separated checklist versions of the latest report, e.g. `1.35`. */
        requirementsVersion?: string;
        /** The catalog owner of the cluster entity (`spec.owner` as written). */
        owner?: string;
        /** Kubernetes version prefix, e.g. `1.35` or `v1.35.2`. */
        kubernetesVersion?: string;
        /** Case-insensitive text the entity name or title contains. */
        q?: string;
        /** Sort key (default `name`); ties are ordered by name. `failures` counts failing requirements; never-checked clusters rank below every checked one. */
        sort?: 'name' | 'verdict' | 'level' | 'lastRun' | 'failures';
        order?: 'asc' | 'desc';
        offset?: number;
        /** Page size (default 100). */
        limit?: number;
        /** Also count verdicts and levels and list the owners, platforms and checklist versions over every readable cluster (filters aside). */
        facets?: boolean;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of clusters and how many match in all. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterList'];
        };
      };
      /** The page is unchanged since the `ETag` sent in `If-None-Match`. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
    };
  };
  GetCluster: {
    parameters: {
      query?: {
        /** Only runs evaluated against this checklist version, e.g. 1.35. */
        version?: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The cluster's latest report (null when none) and last run. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClusterDetail'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  ListRuns: {
    parameters: {
      query?: {
        limit?: number;
        /** Only runs created before this time (the createdAt of the last item of the previous page). */
        before?: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Runs, newest first, without report bodies. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RunRecord'][];
          };
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  CreateRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateRunRequest'];
      };
    };
    responses: {
      /** A run of this cluster was already queued or running. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateRunResponse'];
        };
      };
      /** The run was queued. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreateRunResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      409: components['responses']['ErrorResponse'];
    };
  };
  UploadReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown;
        'application/x-ndjson': string;
        'application/xml': string;
        'text/xml': string;
        'text/plain': string;
      };
    };
    responses: {
      /** The upload was evaluated and stored as a run. Callers allowed `ai-conformance.report.read` on the cluster get the run with its report; others get only the run's identity and status (runId, entityRef, status, trigger, progress, times, createdBy: no report, verdict, counts or error). Reading the run later, `GET /runs/{runId}`, needs `ai-conformance.report.read`. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunRecord'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
      413: components['responses']['ErrorResponse'];
    };
  };
  GetSelfAssessment: {
    parameters: {
      query?: {
        format?: 'yaml' | 'json';
        /** Only runs evaluated against this checklist version, e.g. 1.35. */
        version?: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The draft. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/yaml': string;
          'application/json': {
            metadata: Record<string, unknown>;
            spec: Record<string, unknown>;
          };
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetSubmissionBundle: {
    parameters: {
      query: {
        /** The product folder name under `vX.Y/`: letters, digits, `.`, `_` or `-`, starting with a letter or digit (anything else is a 400). */
        product: string;
        /** Only runs evaluated against this checklist version, e.g. 1.37. */
        version?: string;
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The folder as a gzipped tar archive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/gzip': string;
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetClusterAccelerators: {
    parameters: {
      query?: {
        range?: '1h' | '6h' | '24h';
      };
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Inventory, series, source and errors. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AcceleratorsResponse'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetClusterBadge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        namespace: components['parameters']['namespace'];
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The badge. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/svg+xml': string;
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
  GetRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The run. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RunRecord'];
        };
      };
      400: components['responses']['ErrorResponse'];
      401: components['responses']['ErrorResponse'];
      403: components['responses']['ErrorResponse'];
      404: components['responses']['ErrorResponse'];
    };
  };
}
