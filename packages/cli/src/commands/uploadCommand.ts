import fs from 'node:fs/promises';
import { CliError, ExitCode } from '../lib/CliError';
import { CliIo, writeAll } from '../lib/cliIo';
import { displayUrl } from '../lib/displayUrl';

/** Environment variable holding the backend token (never a flag). */
export const TOKEN_ENV = 'AI_CONFORMANCE_TOKEN';

export interface UploadOptions {
  backend: string;
  entity: string;
  tokenEnv?: string;
  timeout?: string;
}

/** `resource:ns/name`, `ns/name` or `resource:name` (namespace default). */
export function parseEntityRef(ref: string): {
  namespace: string;
  name: string;
} {
  const m = /^(?:([A-Za-z]+):)?(?:([^/:]+)\/)?([^/:]+)$/.exec(ref.trim());
  if (!m || (m[1] && m[1].toLowerCase() !== 'resource')) {
    throw new CliError(
      `invalid --entity "${ref}": use resource:NAMESPACE/NAME (a Resource entity of type kubernetes-cluster)`,
    );
  }
  return { namespace: m[2] ?? 'default', name: m[3] };
}

/** The upload route for an entity, from the backend base URL. */
export function uploadUrl(
  backend: string,
  ref: { namespace: string; name: string },
): string {
  let base: URL;
  try {
    base = new URL(backend);
  } catch {
    throw new CliError(
      `invalid --backend "${displayUrl(
        backend,
      )}": expected a URL such as https://backstage.example.com`,
    );
  }
  if (base.username || base.password) {
    throw new CliError(
      `--backend ${displayUrl(
        base.href,
      )} must not carry a user name or password: the token comes from an environment variable (--token-env)`,
    );
  }
  const root = base.href.replace(/\/+$/, '');
  const api = /\/api\/ai-conformance$/.test(root)
    ? root
    : `${root}/api/ai-conformance`;
  return `${api}/clusters/${encodeURIComponent(
    ref.namespace,
  )}/${encodeURIComponent(ref.name)}/reports`;
}

/**
 * The Content-Type for a file, from its content: XML for junit.xml, JSON
 * for a snapshot from `collect` or `go test -json` output (results.json,
 * one event per line), plain text for verbose go test output (e2e.log). A
 * report from `check --output json` is refused: the
 * backend evaluates snapshots, not finished reports.
 */
export function contentTypeOf(text: string): string {
  const head = text.trimStart();
  if (head.startsWith('<')) return 'application/xml';
  if (head.startsWith('{')) {
    let whole: unknown;
    try {
      whole = JSON.parse(head);
    } catch {
      return 'application/json'; // one JSON event per line (go test -json)
    }
    const obj = whole as Record<string, unknown>;
    if (obj && 'verdict' in obj && 'requirements' in obj) {
      throw new CliError(
        'this is a report (check --output json); upload the snapshot from `ai-conformance collect` instead, which the backend evaluates',
      );
    }
    return 'application/json';
  }
  if (/^\s*--- (PASS|FAIL|SKIP): /m.test(text)) {
    return 'text/plain'; // verbose go test output (e2e.log)
  }
  throw new CliError(
    'the file is neither JSON (snapshot.json from collect, results.json from go test -json), XML (junit.xml) nor go test output (e2e.log)',
  );
}

function messageOf(body: string): string {
  try {
    const json = JSON.parse(body);
    return json?.error?.message ?? json?.message ?? body.slice(0, 200);
  } catch {
    return body.slice(0, 200);
  }
}

/**
 * `upload`: sends a snapshot, a JSON report or a JUnit file to the
 * backend's upload route, authenticated with a token from the environment.
 */
export async function runUpload(
  file: string,
  opts: UploadOptions,
  io: CliIo,
): Promise<ExitCode> {
  const envName = opts.tokenEnv ?? TOKEN_ENV;
  const token = io.env[envName];
  if (!token) {
    throw new CliError(
      `no token: set ${envName} to a backend token (tokens are never passed as flags)`,
    );
  }
  const url = uploadUrl(opts.backend, parseEntityRef(opts.entity));
  let body: string;
  try {
    body = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${file}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
  const contentType = contentTypeOf(body);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': contentType,
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
      },
      body,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    throw new CliError(
      `cannot reach ${new URL(url).origin}: ${displayUrl(
        err.cause?.code ?? err.cause?.message ?? err.message,
      )}`,
    );
  }
  const text = await res.text();
  if (res.status === 401 || res.status === 403) {
    throw new CliError(
      `upload refused by ${new URL(url).origin} (${res.status} ${
        res.status === 401 ? 'Unauthorized' : 'Forbidden'
      }): check the token in ${envName}${text ? `: ${messageOf(text)}` : ''}`,
    );
  }
  if (!res.ok) {
    throw new CliError(
      `upload failed with HTTP ${res.status}: ${messageOf(text)}`,
    );
  }
  let summary = '';
  try {
    const json = JSON.parse(text);
    const parts = [
      json.runId && `run ${json.runId}`,
      json.status && `status ${json.status}`,
      (json.verdict ?? json.report?.verdict) &&
        `verdict ${json.verdict ?? json.report?.verdict}`,
    ].filter(Boolean);
    summary = parts.join(', ');
  } catch {
    // a non-JSON success body is fine
  }
  await writeAll(
    io.stdout,
    `uploaded ${file} to ${displayUrl(url)}${summary ? `: ${summary}` : ''}\n`,
  );
  return 0;
}
