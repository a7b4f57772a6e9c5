import express from 'express';
import Router from 'express-promise-router';
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { spec } from './schema/openapi.generated';
import type { EndpointMap } from './schema/endpoints.generated';
import type { ClusterApiService } from './service/ClusterApiService';
import type { BadgeService } from './badges/BadgeService';
import { PayloadTooLargeError } from './PayloadTooLargeError';
import { userTokens } from './http/userTokens';
import { matchesIfNoneMatch } from './http/matchesIfNoneMatch';

/** Bodies smaller than this are sent as they are (the compression middleware's default). */
const GZIP_THRESHOLD = 1024;

/** Options of {@link createRouter}. */
export interface RouterOptions {
  api: ClusterApiService;
  badges: BadgeService;
  httpAuth: HttpAuthService;
  /** Largest accepted upload body in bytes. */
  uploadMaxBytes: number;
}

function uploadBody(maxBytes: number): express.RequestHandler {
  const parse = express.text({ type: () => true, limit: maxBytes });
  return (req, res, next) => {
    parse(req, res, (error?: any) => {
      if (error?.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            `The upload is ${
              error.length ?? 'more than'
            } bytes; the limit is ${maxBytes} bytes (aiConformance.uploads.maxBytes)`,
          ),
        );
        return;
      }
      next(error);
    });
  };
}

/** HTTP only: every route parses its input and delegates to ClusterApiService. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { api, badges, httpAuth, uploadMaxBytes } = options;
  const router = Router();

  // An SVG for READMEs and dashboards; public when aiConformance.badges.public.
  router.get('/clusters/:namespace/:name/badge.svg', async (req, res) => {
    const credentials = badges.publicBadges
      ? undefined
      : await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const svg = await badges.renderBadge(
      req.params.namespace,
      req.params.name,
      credentials,
    );
    res
      .type('image/svg+xml')
      .set('Cache-Control', 'no-cache, max-age=0')
      .send(svg);
  });

  // Uploads are raw bodies (JSON, NDJSON or XML) with their own size limit.
  router.post(
    '/clusters/:namespace/:name/reports',
    uploadBody(uploadMaxBytes),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const contentType = req.get('content-type');
      if (!contentType) {
        throw new InputError('The upload needs a Content-Type header');
      }
      if (typeof req.body !== 'string' || req.body.length === 0) {
        throw new InputError('The upload body is empty');
      }
      const run = await api.uploadReport(
        req.params.namespace,
        req.params.name,
        { contentType, body: req.body },
        credentials,
        { request: req },
      );
      // Raw bodies keep this route off the validated router; its answer is
      // still held to the spec.
      const created: EndpointMap['#post|/clusters/{namespace}/{name}/reports']['response'] =
        run;
      res.status(201).json(created);
    },
  );

  // Requests are validated against the spec at run time; params, query, body
  // and response of every handler are typed from it (EndpointMap).
  const validated =
    createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, {
      middleware: [express.json({ limit: '64kb' })],
    });

  validated.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  validated.get('/requirements', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(api.getRequirements(req.query.version));
  });

  validated.get('/clusters', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // The spec has checked each value's form; lists arrive comma-separated.
    const q = req.query;
    const list = <T extends string>(v?: string) =>
      v ? (v.split(',') as T[]) : undefined;
    const number = (v?: number | string) =>
      v === undefined ? undefined : Number(v);
    const answer = await api.listClusters(credentials, {
      verdict: list(q.verdict),
      level: list(q.level),
      platform: list(q.platform),
      requirementsVersion: list(q.requirementsVersion),
      owner: q.owner,
      kubernetesVersion: q.kubernetesVersion,
      q: q.q,
      sort: q.sort,
      order: q.order,
      offset: number(q.offset),
      limit: number(q.limit),
      facets: q.facets === true || String(q.facets) === 'true',
    });
    res.set({
      ETag: answer.etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization, Cookie, Accept-Encoding',
    });
    if (matchesIfNoneMatch(req.get('if-none-match'), answer.etag)) {
      res.status(304).end();
      return;
    }
    // The typed ClusterListResponse, serialized once by the service (its
    // entity tag is computed over these bytes). A page many clients read is
    // compressed once, not by the compression middleware per response
    // (which leaves a body with a Content-Encoding alone).
    res.type('application/json');
    if (
      answer.json.length >= GZIP_THRESHOLD &&
      req.acceptsEncodings('gzip', 'identity') === 'gzip'
    ) {
      (res as express.Response).set('Content-Encoding', 'gzip');
      (res as express.Response).send(answer.gzip());
      return;
    }
    (res as express.Response).send(answer.json);
  });

  validated.get('/clusters/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await api.getCluster(req.params.namespace, req.params.name, credentials, {
        version: req.query.version,
      }),
    );
  });

  validated.post('/clusters/:namespace/:name/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const body = req.body ?? {};
    const { created, run } = await api.createRun(
      req.params.namespace,
      req.params.name,
      {
        dryRunProbes: body.dryRunProbes,
        requirementsVersion: body.requirementsVersion,
        mode: body.mode,
      },
      credentials,
      { request: req, userTokens: userTokens(req) },
    );
    res
      .status(created ? 202 : 200)
      .json({ runId: run.runId, status: run.status });
  });

  validated.get('/clusters/:namespace/:name/runs', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { before } = req.query;
    // Query values arrive as text; the spec has already checked the range.
    const limit =
      req.query.limit === undefined ? undefined : Number(req.query.limit);
    if (before !== undefined && Number.isNaN(Date.parse(before))) {
      throw new InputError(`"before" must be a date-time, got "${before}"`);
    }
    res.json(
      await api.listRuns(
        req.params.namespace,
        req.params.name,
        { limit, before },
        credentials,
      ),
    );
  });

  validated.get(
    '/clusters/:namespace/:name/self-assessment',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const draft = await api.getSelfAssessment(
        req.params.namespace,
        req.params.name,
        req.query.format ?? 'yaml',
        credentials,
        { version: req.query.version },
      );
      res.type(draft.contentType).send(draft.body);
    },
  );

  validated.get('/clusters/:namespace/:name/bundle', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const bundle = await api.getSubmissionBundle(
      req.params.namespace,
      req.params.name,
      { product: req.query.product, version: req.query.version },
      credentials,
    );
    (res as express.Response)
      .type('application/gzip')
      .set({
        'Content-Disposition': `attachment; filename="${bundle.fileName}"`,
        'Cache-Control': 'private, no-cache',
      })
      .send(bundle.body);
  });

  validated.get('/runs/:runId', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await api.getRun(req.params.runId, credentials));
  });

  validated.get('/clusters/:namespace/:name/accelerators', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await api.getAccelerators(
        req.params.namespace,
        req.params.name,
        req.query.range,
        { credentials, userTokens: userTokens(req) },
      ),
    );
  });

  router.use(validated);
  return router;
}
