// Generated from plugins/ai-conformance-backend/src/schema/openapi.yaml by
// plugins/ai-conformance-backend/scripts/generate-openapi.js; do not edit.

/** The OpenAPI 3.1 spec of the AI Conformance backend. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'ai-conformance',
    version: '1',
    description:
      'Kubernetes AI Conformance checks of the clusters in the Backstage catalog.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Liveness of the plugin; needs no token.',
        security: [],
        responses: {
          '200': {
            description: 'The plugin is up.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['status'],
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/requirements': {
      get: {
        operationId: 'GetRequirements',
        description:
          'The requirements of one checklist version (default the newest).',
        parameters: [
          {
            name: 'version',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              pattern: '^v?[0-9]+\\.[0-9]+$',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The checklist.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Checklist',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters': {
      get: {
        operationId: 'ListClusters',
        description:
          "Latest result of the clusters the caller may read, filtered, sorted and one page at a time, from the fleet's summaries (no report is read). Answers 304 to an `If-None-Match` that carries the page's current `ETag`.",
        parameters: [
          {
            name: 'verdict',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Comma-separated verdicts; `unchecked` for clusters without a succeeded run.',
            schema: {
              type: 'string',
              pattern:
                '^(conformant|not-conformant|incomplete|unchecked)(,(conformant|not-conformant|incomplete|unchecked))*$',
            },
          },
          {
            name: 'level',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Comma-separated scorecard levels; `unchecked` for clusters without one.',
            schema: {
              type: 'string',
              pattern:
                '^(none|bronze|silver|gold|unchecked)(,(none|bronze|silver|gold|unchecked))*$',
            },
          },
          {
            name: 'platform',
            in: 'query',
            required: false,
            allowReserved: true,
            description: 'Comma-separated platforms, e.g. `gke,eks`.',
            schema: {
              type: 'string',
              pattern: '^[a-z0-9-]{1,32}(,[a-z0-9-]{1,32})*$',
            },
          },
          {
            name: 'requirementsVersion',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Comma-separated checklist versions of the latest report, e.g. `1.35`.',
            schema: {
              type: 'string',
              pattern: '^[0-9]{1,2}\\.[0-9]{1,3}(,[0-9]{1,2}\\.[0-9]{1,3})*$',
            },
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'The catalog owner of the cluster entity (`spec.owner` as written).',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'kubernetesVersion',
            in: 'query',
            required: false,
            description: 'Kubernetes version prefix, e.g. `1.35` or `v1.35.2`.',
            schema: {
              type: 'string',
              pattern: '^v?[0-9][0-9A-Za-z.+-]{0,63}$',
            },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description:
              'Case-insensitive text the entity name or title contains.',
            schema: {
              type: 'string',
              maxLength: 256,
            },
          },
          {
            name: 'sort',
            in: 'query',
            required: false,
            description:
              'Sort key (default `name`); ties are ordered by name. `failures` counts failing requirements; never-checked clusters rank below every checked one.',
            schema: {
              type: 'string',
              enum: ['name', 'verdict', 'level', 'lastRun', 'failures'],
            },
          },
          {
            name: 'order',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
            },
          },
          {
            name: 'offset',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Page size (default 100).',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1000,
            },
          },
          {
            name: 'facets',
            in: 'query',
            required: false,
            description:
              'Also count verdicts and levels and list the owners, platforms and checklist versions over every readable cluster (filters aside).',
            schema: {
              type: 'boolean',
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of clusters and how many match in all.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClusterList',
                },
              },
            },
          },
          '304': {
            description:
              'The page is unchanged since the `ETag` sent in `If-None-Match`.',
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetCluster',
        description: 'Latest report and last run of one cluster entity.',
        parameters: [
          {
            name: 'version',
            in: 'query',
            required: false,
            description:
              'Only runs evaluated against this checklist version, e.g. 1.35.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description:
              "The cluster's latest report (null when none) and last run.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ClusterDetail',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/runs': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      post: {
        operationId: 'CreateRun',
        description:
          'Starts a check run. When a run of the cluster is already queued or running, answers 200 with that run instead of starting another; an active run asked for while a passive run is queued or running answers 409 naming it. An active run needs `ai-conformance.run.active` (besides `ai-conformance.run.create`) and `aiConformance.active.enabled` (403 otherwise).',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateRunRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'A run of this cluster was already queued or running.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreateRunResponse',
                },
              },
            },
          },
          '202': {
            description: 'The run was queued.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CreateRunResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      get: {
        operationId: 'ListRuns',
        description: 'Run history of one cluster, newest first.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
          {
            name: 'before',
            in: 'query',
            required: false,
            description:
              'Only runs created before this time (the createdAt of the last item of the previous page).',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Runs, newest first, without report bodies.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/RunRecord',
                      },
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/reports': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      post: {
        operationId: 'UploadReport',
        description:
          'Uploads a cluster snapshot (evaluated here) or official-suite results (junit.xml, results.json from `go test -json`, or e2e.log, the verbose `go test` output, as text/plain). The body size is limited by `aiConformance.uploads.maxBytes`.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                description:
                  'A snapshot object, or `go test -json` events (one JSON object per line).',
              },
            },
            'application/x-ndjson': {
              schema: {
                type: 'string',
              },
            },
            'application/xml': {
              schema: {
                type: 'string',
              },
            },
            'text/xml': {
              schema: {
                type: 'string',
              },
            },
            'text/plain': {
              schema: {
                type: 'string',
                description: 'e2e.log, the verbose `go test` output.',
              },
            },
          },
        },
        responses: {
          '201': {
            description:
              "The upload was evaluated and stored as a run. Callers allowed `ai-conformance.report.read` on the cluster get the run with its report; others get only the run's identity and status (runId, entityRef, status, trigger, progress, times, createdBy: no report, verdict, counts or error). Reading the run later, `GET /runs/{runId}`, needs `ai-conformance.report.read`.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunRecord',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/self-assessment': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetSelfAssessment',
        description:
          'A CNCF submission draft (PRODUCT.yaml) from the latest report.',
        parameters: [
          {
            name: 'format',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['yaml', 'json'],
            },
          },
          {
            name: 'version',
            in: 'query',
            required: false,
            description:
              'Only runs evaluated against this checklist version, e.g. 1.35.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The draft.',
            content: {
              'application/yaml': {
                schema: {
                  type: 'string',
                },
              },
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['metadata', 'spec'],
                  properties: {
                    metadata: {
                      type: 'object',
                    },
                    spec: {
                      type: 'object',
                    },
                  },
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/bundle': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetSubmissionBundle',
        description:
          "The CNCF submission folder `vX.Y/<product>/` (PRODUCT.yaml, the newest uploaded official-suite artifacts, the report's own active run as `active/junit.xml`, `active/results.json` and `active/e2e.log`, and evidence files) as a .tar.gz, built from the latest report as `ai-conformance bundle` builds it. Needs `ai-conformance.report.read` on the cluster.",
        parameters: [
          {
            name: 'product',
            in: 'query',
            required: true,
            description:
              'The product folder name under `vX.Y/`: letters, digits, `.`, `_` or `-`, starting with a letter or digit (anything else is a 400).',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'version',
            in: 'query',
            required: false,
            description:
              'Only runs evaluated against this checklist version, e.g. 1.37.',
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The folder as a gzipped tar archive.',
            content: {
              'application/gzip': {
                schema: {
                  type: 'string',
                  format: 'binary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/accelerators': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetClusterAccelerators',
        description:
          "Accelerator inventory from the API server and DCGM series from the cluster's configured Prometheus-compatible source. A failing source adds an entry to `errors`; the inventory is still returned.",
        parameters: [
          {
            name: 'range',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['1h', '6h', '24h'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'Inventory, series, source and errors.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AcceleratorsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/clusters/{namespace}/{name}/badge.svg': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'GetClusterBadge',
        description:
          'A shields-style SVG badge with the verdict and level. Needs no token when `aiConformance.badges.public` is true.',
        responses: {
          '200': {
            description: 'The badge.',
            content: {
              'image/svg+xml': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/runs/{runId}': {
      parameters: [
        {
          name: 'runId',
          in: 'path',
          required: true,
          schema: {
            type: 'string',
            pattern: '^[A-Za-z0-9-]{1,64}$',
          },
        },
      ],
      get: {
        operationId: 'GetRun',
        description:
          'One run, with progress while it runs and its report once it succeeded.',
        responses: {
          '200': {
            description: 'The run.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RunRecord',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
          },
          response: {
            type: 'object',
          },
        },
      },
      Verdict: {
        type: 'string',
        enum: ['conformant', 'not-conformant', 'incomplete'],
      },
      RunStatus: {
        type: 'string',
        enum: ['queued', 'running', 'succeeded', 'failed'],
      },
      RunProgress: {
        type: 'object',
        required: ['done', 'total'],
        properties: {
          done: {
            type: 'integer',
            minimum: 0,
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          phase: {
            type: 'string',
          },
        },
      },
      CreateRunRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          dryRunProbes: {
            type: 'boolean',
          },
          requirementsVersion: {
            description:
              "Evaluate against this checklist version instead of the cluster's minor.",
            type: 'string',
            pattern: '^v?1\\.\\d+$',
          },
          mode: {
            description:
              '`active` also runs test workloads on the cluster ("Verify with workloads"); needs `ai-conformance.run.active` and `aiConformance.active.enabled`. Default `passive` (reads only).',
            $ref: '#/components/schemas/RunMode',
          },
        },
      },
      RunMode: {
        type: 'string',
        enum: ['passive', 'active'],
      },
      CreateRunResponse: {
        type: 'object',
        required: ['runId'],
        properties: {
          runId: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
        },
      },
      RunRecord: {
        type: 'object',
        required: [
          'runId',
          'entityRef',
          'status',
          'trigger',
          'progress',
          'createdAt',
        ],
        properties: {
          runId: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/RunStatus',
          },
          trigger: {
            type: 'string',
            enum: ['user', 'schedule', 'upload'],
          },
          mode: {
            $ref: '#/components/schemas/RunMode',
          },
          progress: {
            $ref: '#/components/schemas/RunProgress',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          verdict: {
            $ref: '#/components/schemas/Verdict',
          },
          requirementsVersion: {
            type: 'string',
          },
          report: {
            $ref: '#/components/schemas/ConformanceReport',
          },
          counts: {
            description:
              'MUST/SHOULD counts of a succeeded run (history items carry these instead of the report).',
            type: 'object',
            required: [
              'mustPassed',
              'mustTotal',
              'shouldPassed',
              'shouldTotal',
            ],
            properties: {
              mustPassed: {
                type: 'integer',
              },
              mustTotal: {
                type: 'integer',
              },
              shouldPassed: {
                type: 'integer',
              },
              shouldTotal: {
                type: 'integer',
              },
            },
          },
          error: {
            type: 'string',
          },
        },
      },
      ClusterSummary: {
        type: 'object',
        required: [
          'entityRef',
          'verdict',
          'requirementsVersion',
          'mustPassed',
          'mustTotal',
          'shouldPassed',
          'shouldTotal',
          'platform',
          'kubernetesVersion',
          'lastRunAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          verdict: {
            oneOf: [
              {
                $ref: '#/components/schemas/Verdict',
              },
              {
                type: 'null',
              },
            ],
          },
          requirementsVersion: {
            type: ['string', 'null'],
          },
          mustPassed: {
            type: 'integer',
          },
          mustTotal: {
            type: 'integer',
          },
          shouldPassed: {
            type: 'integer',
          },
          shouldTotal: {
            type: 'integer',
          },
          platform: {
            type: ['string', 'null'],
            enum: [
              'gke',
              'eks',
              'aks',
              'openshift',
              'oke',
              'ack',
              'cce',
              'lke',
              'coreweave',
              'vks',
              'gardener',
              'kops',
              'rke2',
              'k3s',
              'talos',
              'generic',
              null,
            ],
          },
          kubernetesVersion: {
            type: ['string', 'null'],
          },
          lastRunAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          statuses: {
            type: 'object',
            additionalProperties: {
              type: 'string',
            },
          },
          level: {
            description:
              'Scorecard level of the latest report; null when never checked.',
            oneOf: [
              {
                $ref: '#/components/schemas/ConformanceLevel',
              },
              {
                type: 'null',
              },
            ],
          },
          levelMissing: {
            description:
              'Why the cluster is not one level higher (empty at gold).',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          checkedAt: {
            description:
              "When the latest succeeded run finished (what the level's age is measured from).",
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastRunId: {
            description: 'The newest run of any status.',
            type: ['string', 'null'],
          },
          lastRunStatus: {
            oneOf: [
              {
                $ref: '#/components/schemas/RunStatus',
              },
              {
                type: 'null',
              },
            ],
          },
          acceleratorCount: {
            description:
              'Accelerators (GPUs, TPUs) the latest report counts as capacity.',
            type: 'integer',
          },
          owner: {
            description: "The catalog entity's `spec.owner`.",
            type: ['string', 'null'],
          },
          title: {
            description: "The catalog entity's `metadata.title`.",
            type: ['string', 'null'],
          },
        },
      },
      ClusterList: {
        type: 'object',
        required: ['items', 'totalCount', 'offset', 'limit'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ClusterSummary',
            },
          },
          totalCount: {
            description:
              'Clusters matching the filters that the caller may read.',
            type: 'integer',
          },
          offset: {
            type: 'integer',
          },
          limit: {
            type: 'integer',
          },
          facets: {
            $ref: '#/components/schemas/ClusterFacets',
          },
        },
      },
      ClusterFacets: {
        type: 'object',
        required: [
          'verdicts',
          'levels',
          'owners',
          'platforms',
          'requirementsVersions',
        ],
        properties: {
          verdicts: {
            description:
              'Clusters per verdict, `unchecked` for those without a succeeded run.',
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          levels: {
            description:
              'Clusters per scorecard level, `unchecked` for those without one.',
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          owners: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          platforms: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          requirementsVersions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ClusterDetail: {
        type: 'object',
        required: ['entityRef', 'report', 'lastRun'],
        properties: {
          entityRef: {
            type: 'string',
          },
          report: {
            oneOf: [
              {
                $ref: '#/components/schemas/ConformanceReport',
              },
              {
                type: 'null',
              },
            ],
          },
          lastRun: {
            oneOf: [
              {
                $ref: '#/components/schemas/RunRecord',
              },
              {
                type: 'null',
              },
            ],
          },
          level: {
            description:
              'Scorecard level of the report and what the next level needs.',
            oneOf: [
              {
                $ref: '#/components/schemas/LevelResult',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ConformanceLevel: {
        type: 'string',
        enum: ['none', 'bronze', 'silver', 'gold'],
      },
      LevelResult: {
        type: 'object',
        required: ['level', 'missing'],
        properties: {
          level: {
            $ref: '#/components/schemas/ConformanceLevel',
          },
          missing: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      RequirementResult: {
        type: 'object',
        required: [
          'id',
          'category',
          'level',
          'conditional',
          'title',
          'status',
          'method',
          'summary',
          'evidence',
          'remediation',
          'errors',
        ],
        properties: {
          id: {
            type: 'string',
          },
          category: {
            $ref: '#/components/schemas/RequirementCategory',
          },
          level: {
            type: 'string',
            enum: ['MUST', 'SHOULD'],
          },
          conditional: {
            type: 'boolean',
          },
          title: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pass', 'fail', 'partial', 'not-applicable', 'unknown'],
          },
          method: {
            type: 'string',
            enum: ['passive', 'dry-run', 'artifact', 'active'],
          },
          summary: {
            type: 'string',
          },
          evidence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Evidence',
            },
          },
          remediation: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Remediation',
            },
          },
          errors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvaluationError',
            },
          },
          links: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Link',
            },
          },
          notes: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      AcceleratorsResponse: {
        type: 'object',
        required: [
          'entityRef',
          'inventory',
          'series',
          'source',
          'errors',
          'generatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          inventory: {
            description:
              'Null when the cluster could not be read (see errors).',
            oneOf: [
              {
                $ref: '#/components/schemas/AcceleratorInventory',
              },
              {
                type: 'null',
              },
            ],
          },
          series: {
            description:
              'Null when no metrics source is configured or every query failed.',
            oneOf: [
              {
                $ref: '#/components/schemas/AcceleratorMetricSeries',
              },
              {
                type: 'null',
              },
            ],
          },
          source: {
            description:
              'Where series come from (never the URL or credentials).',
            oneOf: [
              {
                type: 'object',
                required: ['type'],
                properties: {
                  type: {
                    type: 'string',
                    const: 'none',
                  },
                },
              },
              {
                type: 'object',
                required: ['type', 'auth'],
                properties: {
                  type: {
                    type: 'string',
                    const: 'prometheus',
                  },
                  auth: {
                    type: 'string',
                    enum: ['none', 'bearer', 'basic', 'google'],
                  },
                },
              },
            ],
          },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source', 'message'],
              properties: {
                source: {
                  type: 'string',
                  enum: ['prometheus', 'kubernetes', 'config'],
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      AcceleratorResourceCount: {
        type: 'object',
        required: ['resource', 'capacity', 'allocatable'],
        properties: {
          resource: {
            type: 'string',
          },
          capacity: {
            type: 'number',
          },
          allocatable: {
            type: 'number',
          },
          allocated: {
            type: 'number',
          },
        },
      },
      AcceleratorNode: {
        type: 'object',
        required: ['name', 'ready', 'resources', 'draDevices'],
        properties: {
          name: {
            type: 'string',
          },
          ready: {
            type: 'boolean',
          },
          model: {
            type: 'string',
          },
          driverVersion: {
            type: 'string',
          },
          zone: {
            type: 'string',
          },
          instanceType: {
            type: 'string',
          },
          resources: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AcceleratorResourceCount',
            },
          },
          draDevices: {
            type: 'integer',
          },
        },
      },
      AcceleratorInventory: {
        type: 'object',
        required: [
          'totalNodes',
          'acceleratorNodes',
          'totals',
          'pools',
          'draDevices',
          'warnings',
        ],
        properties: {
          totalNodes: {
            type: 'integer',
          },
          acceleratorNodes: {
            type: 'integer',
          },
          totals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AcceleratorResourceCount',
            },
          },
          pools: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'pool',
                'models',
                'driverVersions',
                'labels',
                'resources',
                'draDevices',
                'nodes',
              ],
              properties: {
                pool: {
                  type: 'string',
                },
                poolLabel: {
                  type: 'string',
                },
                acceleratorType: {
                  type: 'string',
                },
                models: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                driverVersions: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                labels: {
                  type: 'object',
                  additionalProperties: {
                    type: 'string',
                  },
                },
                resources: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/AcceleratorResourceCount',
                  },
                },
                draDevices: {
                  type: 'integer',
                },
                nodes: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/AcceleratorNode',
                  },
                },
              },
            },
          },
          draDevices: {
            type: 'array',
            items: {
              type: 'object',
              required: ['driver', 'devices', 'models', 'driverVersions'],
              properties: {
                driver: {
                  type: 'string',
                },
                node: {
                  type: 'string',
                },
                pool: {
                  type: 'string',
                },
                devices: {
                  type: 'integer',
                },
                models: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                driverVersions: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      DcgmMetricKey: {
        type: 'string',
        enum: [
          'utilization',
          'memoryUsed',
          'memoryFree',
          'power',
          'temperature',
        ],
      },
      MetricPoint: {
        description: '[unix seconds, value]',
        type: 'array',
        prefixItems: [
          {
            type: 'number',
          },
          {
            type: 'number',
          },
        ],
        minItems: 2,
        maxItems: 2,
      },
      AcceleratorMetricSeries: {
        type: 'object',
        required: ['range', 'stepSeconds', 'start', 'end', 'gpus', 'pools'],
        properties: {
          range: {
            type: 'string',
            enum: ['1h', '6h', '24h'],
          },
          stepSeconds: {
            type: 'number',
          },
          start: {
            type: 'number',
          },
          end: {
            type: 'number',
          },
          gpus: {
            type: 'array',
            items: {
              type: 'object',
              required: ['metric', 'unit', 'node', 'pool', 'gpu', 'points'],
              properties: {
                metric: {
                  $ref: '#/components/schemas/DcgmMetricKey',
                },
                unit: {
                  type: 'string',
                },
                node: {
                  type: 'string',
                },
                pool: {
                  type: 'string',
                },
                gpu: {
                  type: 'string',
                },
                uuid: {
                  type: 'string',
                },
                modelName: {
                  type: 'string',
                },
                latest: {
                  $ref: '#/components/schemas/MetricPoint',
                },
                points: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/MetricPoint',
                  },
                },
              },
            },
          },
          pools: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'metric',
                'unit',
                'pool',
                'aggregate',
                'gpus',
                'points',
              ],
              properties: {
                metric: {
                  $ref: '#/components/schemas/DcgmMetricKey',
                },
                unit: {
                  type: 'string',
                },
                pool: {
                  type: 'string',
                },
                aggregate: {
                  type: 'string',
                  enum: ['avg', 'sum', 'max'],
                },
                gpus: {
                  type: 'integer',
                },
                latest: {
                  $ref: '#/components/schemas/MetricPoint',
                },
                points: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/MetricPoint',
                  },
                },
              },
            },
          },
        },
      },
      RequirementCategory: {
        type: 'string',
        enum: [
          'accelerators',
          'networking',
          'schedulingOrchestration',
          'observability',
          'security',
          'operator',
        ],
      },
      Platform: {
        type: 'string',
        enum: [
          'gke',
          'eks',
          'aks',
          'openshift',
          'oke',
          'ack',
          'cce',
          'lke',
          'coreweave',
          'vks',
          'gardener',
          'kops',
          'rke2',
          'k3s',
          'talos',
          'generic',
        ],
      },
      Evidence: {
        type: 'object',
        required: ['description'],
        properties: {
          description: {
            type: 'string',
          },
          object: {
            type: 'object',
            required: ['apiVersion', 'kind', 'name'],
            properties: {
              apiVersion: {
                type: 'string',
              },
              kind: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
              namespace: {
                type: 'string',
              },
            },
          },
          fields: {
            type: 'object',
            additionalProperties: {
              type: ['string', 'number', 'boolean'],
            },
          },
          url: {
            type: 'string',
          },
        },
      },
      Remediation: {
        type: 'object',
        required: ['description'],
        properties: {
          description: {
            type: 'string',
          },
          platform: {
            type: 'string',
            enum: [
              'gke',
              'eks',
              'aks',
              'openshift',
              'oke',
              'ack',
              'cce',
              'lke',
              'coreweave',
              'vks',
              'gardener',
              'kops',
              'rke2',
              'k3s',
              'talos',
              'generic',
              'any',
            ],
          },
          command: {
            type: 'string',
          },
          terraform: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
      },
      EvaluationError: {
        type: 'object',
        required: ['read', 'outcome', 'message'],
        properties: {
          read: {
            type: 'string',
          },
          outcome: {
            type: 'string',
            enum: [
              'ok',
              'forbidden',
              'notFound',
              'unavailable',
              'timeout',
              'error',
              'skipped',
            ],
          },
          message: {
            type: 'string',
          },
          hint: {
            type: 'string',
          },
        },
      },
      Link: {
        type: 'object',
        required: ['title', 'url'],
        properties: {
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
      },
      ConformanceReport: {
        type: 'object',
        required: [
          'schemaVersion',
          'requirementsVersion',
          'generatedAt',
          'cluster',
          'verdict',
          'requirements',
          'findings',
          'stats',
        ],
        properties: {
          schemaVersion: {
            type: 'integer',
            const: 1,
          },
          requirementsVersion: {
            type: 'string',
          },
          generatedAt: {
            type: 'string',
          },
          cluster: {
            type: 'object',
            required: ['name', 'platform', 'accelerators'],
            properties: {
              name: {
                type: 'string',
              },
              server: {
                type: 'string',
              },
              kubernetesVersion: {
                type: 'string',
              },
              platform: {
                $ref: '#/components/schemas/Platform',
              },
              nodeCount: {
                type: 'integer',
              },
              accelerators: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['resource', 'nodes', 'capacity', 'allocatable'],
                  properties: {
                    resource: {
                      type: 'string',
                    },
                    type: {
                      type: 'string',
                    },
                    nodes: {
                      type: 'integer',
                    },
                    capacity: {
                      type: 'number',
                    },
                    allocatable: {
                      type: 'number',
                    },
                  },
                },
              },
            },
          },
          verdict: {
            $ref: '#/components/schemas/Verdict',
          },
          requirements: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RequirementResult',
            },
          },
          findings: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'severity', 'summary'],
              properties: {
                id: {
                  type: 'string',
                },
                severity: {
                  type: 'string',
                  enum: ['info', 'warning', 'error'],
                },
                summary: {
                  type: 'string',
                },
                details: {
                  type: 'string',
                },
                remediation: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/Remediation',
                  },
                },
              },
            },
          },
          stats: {
            type: 'object',
            required: ['apiRequests', 'durationMs'],
            properties: {
              apiRequests: {
                type: 'integer',
              },
              durationMs: {
                type: 'number',
              },
              waves: {
                type: 'integer',
              },
            },
          },
        },
      },
      Checklist: {
        type: 'object',
        required: ['version', 'source', 'requirements'],
        properties: {
          version: {
            type: 'string',
          },
          source: {
            type: 'string',
            enum: ['built-in', 'registered'],
          },
          requirements: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'id',
                'category',
                'level',
                'conditional',
                'title',
                'description',
                'links',
                'officialTests',
              ],
              properties: {
                id: {
                  type: 'string',
                },
                category: {
                  $ref: '#/components/schemas/RequirementCategory',
                },
                level: {
                  type: 'string',
                  enum: ['MUST', 'SHOULD'],
                },
                conditional: {
                  type: 'boolean',
                },
                condition: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                officialDescription: {
                  type: 'string',
                },
                links: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/Link',
                  },
                },
                officialTests: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
