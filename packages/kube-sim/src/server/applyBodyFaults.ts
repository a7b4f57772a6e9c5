import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResponse } from '../api/RequestHandler';
import { statusBody } from '../api/StatusError';
import type { FaultDecision } from './FaultInjector';

const AGGREGATED = /as=APIGroupDiscoveryList/;

/** What an authenticating proxy in front of the API server answers instead of JSON. */
const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method="post"><p>Sign in to continue</p></form></body></html>';

/** The payload field a body must have: `items` of a list, `resources` of a resource list... */
const PAYLOAD_FIELDS = ['items', 'resources', 'groups', 'versions'];

function textOf(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function firstHalf(body: unknown): string {
  const text = textOf(body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

function withoutPayload(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return body;
  const copy: Record<string, unknown> = { ...body };
  const field = PAYLOAD_FIELDS.find(f => Array.isArray(copy[f]));
  if (field) delete copy[field];
  else delete copy.metadata;
  return copy;
}

function brokenAggregated(
  response: ApiResponse,
  fault: NonNullable<FaultDecision['aggregatedDiscovery']>,
): ApiResponse {
  const body = response.body as { items?: Array<{ metadata?: unknown }> };
  switch (String(fault)) {
    case '503':
      return {
        status: 503,
        body: statusBody(
          503,
          'the server is currently unable to handle the request',
          'ServiceUnavailable',
        ),
      };
    case '406':
      return {
        status: 406,
        body: statusBody(
          406,
          'only the following media types are accepted: application/json',
          'NotAcceptable',
        ),
      };
    case 'truncated':
      return { ...response, body: firstHalf(body) };
    case 'malformed':
      // `items` keyed by group name instead of a list of groups.
      return {
        ...response,
        body: {
          ...body,
          items: Object.fromEntries(
            (body.items ?? []).map((item, i) => [
              String((item.metadata as { name?: string })?.name || i),
              item,
            ]),
          ),
        },
      };
    case 'wrong-content-type':
      return { ...response, contentType: 'application/json' };
    case 'missing-groups': {
      const items = body.items ?? [];
      return {
        ...response,
        body: { ...body, items: items.slice(0, Math.ceil(items.length / 2)) },
      };
    }
    default:
      return response;
  }
}

/**
 * The request headers the API handler sees. Under `aggregatedDiscovery: unsupported` the
 * `apidiscovery.k8s.io` media types are dropped from `Accept`, as a server that does not know
 * them skips them and negotiates the next media type.
 */
export function headersFor(
  headers: IncomingHttpHeaders,
  decision: FaultDecision,
): IncomingHttpHeaders {
  if (decision.aggregatedDiscovery !== 'unsupported' || !headers.accept)
    return headers;
  const known = headers.accept
    .split(',')
    .filter(range => !AGGREGATED.test(range));
  // Nothing left it knows: negotiation then answers 406, as such a server does.
  return { ...headers, accept: known.join(',') || 'application/x-unknown' };
}

/**
 * Applies the body faults of a request to the answer the API handler gave: a broken aggregated
 * discovery document (only answers in the `apidiscovery.k8s.io` format) and malformed `200`
 * bodies. Other answers pass unchanged.
 */
export function applyBodyFaults(
  response: ApiResponse,
  decision: FaultDecision,
): ApiResponse {
  let out = response;
  if (
    decision.aggregatedDiscovery !== undefined &&
    AGGREGATED.test(out.contentType ?? '')
  ) {
    out = brokenAggregated(out, decision.aggregatedDiscovery);
  }
  if (
    decision.malformedBody &&
    out.status === 200 &&
    out.holdMs === undefined &&
    /json/.test(out.contentType ?? 'application/json')
  ) {
    switch (decision.malformedBody) {
      case 'truncated':
        out = { ...out, body: firstHalf(out.body) };
        break;
      case 'not-json':
        out = {
          ...out,
          body: SIGN_IN_PAGE,
          contentType: 'text/html; charset=utf-8',
        };
        break;
      case 'wrong-shape':
        out = { ...out, body: withoutPayload(out.body) };
        break;
      default:
        break;
    }
  }
  return out;
}
