import { KubeResponse, RequestFailure } from '../cluster/KubeApiClient';
import type { KubeObject, ReadResult, ReadSpec } from '../snapshot/types';
import { describeRead, readPath } from './readPlan';
import {
  outcomeOfFailure,
  outcomeOfStatus,
  statusMessage,
} from './responseOutcome';

/**
 * Page size of list requests.
 *
 * @public
 */
export const PAGE_SIZE = 500;

/** Accept header for metadata-only lists, with plain JSON as fallback. */
export const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/** Statuses worth one more try: throttling and transient server errors. */
const RETRYABLE_STATUS = new Set([429, 500, 502, 504]);
const RETRY_DELAY_MS = 200;

function isRetryableFailure(error: unknown): boolean {
  return error instanceof RequestFailure && error.kind === 'network';
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export interface ResourceRequester {
  (
    path: string,
    query: Record<string, string | undefined>,
    accept: string,
  ): Promise<KubeResponse>;
}

const NOISY_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];

/** Drops fields no check uses and that only cost memory. */
function trim(
  obj: any,
  apiVersion: string,
  kind: string,
  metadataOnly: boolean,
): KubeObject {
  const metadata = { ...(obj?.metadata ?? {}) };
  delete metadata.managedFields;
  if (metadata.annotations) {
    const annotations = { ...metadata.annotations };
    for (const a of NOISY_ANNOTATIONS) delete annotations[a];
    metadata.annotations = annotations;
  }
  if (metadataOnly) {
    return { apiVersion, kind, metadata };
  }
  return {
    ...obj,
    apiVersion: obj.apiVersion ?? apiVersion,
    kind: obj.kind ?? kind,
    metadata,
  };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with an object body, if anything. */
function objectProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (!isObject(body.metadata) || typeof body.metadata.name !== 'string')
    return 'the object has no metadata.name';
  return undefined;
}

/** What is wrong with a list body, if anything. */
function listProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'the body is not a JSON object';
  if (!Array.isArray(body.items)) return 'the list has no items array';
  const bad = body.items.findIndex(item => objectProblem(item) !== undefined);
  if (bad >= 0)
    return `item ${bad} of the list is not an object with metadata.name`;
  if (body.metadata !== undefined && !isObject(body.metadata))
    return 'the list metadata is not an object';
  const cont = body.metadata?.continue;
  if (cont !== undefined && typeof cont !== 'string')
    return 'the continue token is not a string';
  return undefined;
}

/**
 * Reads one spec: a get, or a list over all pages (`limit` + `continue`;
 * restarts once when the continue token expires with 410 Gone). Metadata-only
 * lists ask for PartialObjectMetadataList and fall back to JSON when the
 * server refuses (406). Retries once after throttling (429), a transient
 * server error (500, 502, 504) or a dropped connection. A body that is not
 * JSON or not the list / object asked for is an `error` of the read ("malformed
 * response"), never an empty list. Never throws: every failure is an outcome.
 */
export async function readResource(
  request: ResourceRequester,
  spec: ReadSpec,
  target: { version: string; kind: string },
  options: { isDeadlineReached(): boolean },
): Promise<ReadResult> {
  const description = describeRead(spec, target.version);
  const path = readPath(spec, target.version);
  const apiVersion = spec.group
    ? `${spec.group}/${target.version}`
    : target.version;
  let requests = 0;
  let metadataOnly = spec.metadataOnly === true;
  let restarted = false;
  let retried = false;
  let items: KubeObject[] = [];
  let cont: string | undefined;
  const base: Omit<ReadResult, 'outcome'> = {
    request: description,
    version: target.version,
  };
  // A body that is not what the path serves is an error of this read,
  // never an empty list.
  const malformed = (problem: string): ReadResult => ({
    ...base,
    outcome: 'error',
    httpStatus: 200,
    message: `${description}: malformed response, ${problem}`,
    requests,
  });

  for (;;) {
    const query: Record<string, string | undefined> = spec.name
      ? {}
      : {
          limit: String(PAGE_SIZE),
          continue: cont,
          labelSelector: spec.labelSelector,
          fieldSelector: spec.fieldSelector,
        };
    let res: KubeResponse;
    try {
      requests++;
      res = await request(
        path,
        query,
        metadataOnly ? METADATA_ACCEPT : 'application/json',
      );
    } catch (error) {
      if (
        !retried &&
        isRetryableFailure(error) &&
        !options.isDeadlineReached()
      ) {
        retried = true;
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      const { outcome, message } = outcomeOfFailure(
        error,
        options.isDeadlineReached(),
      );
      return { ...base, outcome, message, requests };
    }
    if (
      RETRYABLE_STATUS.has(res.status) &&
      !retried &&
      !options.isDeadlineReached()
    ) {
      retried = true;
      await sleep(RETRY_DELAY_MS);
      continue;
    }
    if (res.status === 406 && metadataOnly) {
      metadataOnly = false;
      continue;
    }
    if (res.status === 410 && cont && !restarted) {
      restarted = true;
      cont = undefined;
      items = [];
      continue;
    }
    if (res.status !== 200) {
      return {
        ...base,
        outcome: outcomeOfStatus(res.status),
        httpStatus: res.status,
        message: `${description}: ${statusMessage(res.status, res.body)}`,
        requests,
      };
    }
    let body: any;
    try {
      body = JSON.parse(res.body);
    } catch {
      return malformed(
        `the body is not JSON (truncated or another format${
          res.contentType ? `: ${res.contentType.split(';')[0]}` : ''
        })`,
      );
    }
    const problem = spec.name ? objectProblem(body) : listProblem(body);
    if (problem) return malformed(problem);
    if (spec.name) {
      return {
        ...base,
        outcome: 'ok',
        httpStatus: 200,
        object: trim(body, apiVersion, target.kind, spec.metadataOnly === true),
        requests,
      };
    }
    for (const item of body.items as any[]) {
      items.push(
        trim(item, apiVersion, target.kind, spec.metadataOnly === true),
      );
    }
    cont = body.metadata?.continue || undefined;
    if (!cont) {
      return { ...base, outcome: 'ok', httpStatus: 200, items, requests };
    }
  }
}
