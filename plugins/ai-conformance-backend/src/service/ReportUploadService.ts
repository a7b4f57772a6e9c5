import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceStore,
  NewArtifact,
} from '../database/ConformanceStore';
import type { ConformanceRunner, UploadedArtifact } from './ConformanceRunner';
import type { RunManager } from './RunManager';

/** One upload as received by the router. */
export interface ReportUpload {
  contentType: string;
  body: string;
  uploadedBy?: string;
}

type Detected =
  | { kind: 'snapshot'; snapshot: unknown }
  | { kind: UploadedArtifact['kind'] };

function isSnapshotLike(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return 'schemaVersion' in v && 'reads' in v && 'discovery' in v;
}

function isGoTestEvent(value: unknown): boolean {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>).Action === 'string'
  );
}

/** Works out what was uploaded from its content type and content. */
export function detectUpload(contentType: string, body: string): Detected {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/xml' || type === 'text/xml') {
    if (!/<testsuites?[\s>/]/.test(body)) {
      throw new InputError(
        'The XML upload is not a JUnit report (no <testsuites> or <testsuite> element)',
      );
    }
    return { kind: 'junit' };
  }
  if (type === 'application/json' || type === 'application/x-ndjson') {
    const text = body.trim();
    if (!text) throw new InputError('The upload is empty');
    let whole: unknown;
    let parsedWhole = true;
    try {
      whole = JSON.parse(text);
    } catch {
      parsedWhole = false;
    }
    if (parsedWhole && isSnapshotLike(whole)) {
      return { kind: 'snapshot', snapshot: whole };
    }
    if (parsedWhole && isGoTestEvent(whole)) return { kind: 'go-test-json' };
    if (!parsedWhole) {
      const lines = text.split(/\r?\n/).filter(l => l.trim());
      const allEvents = lines.every(line => {
        try {
          return isGoTestEvent(JSON.parse(line));
        } catch {
          return false;
        }
      });
      if (allEvents) return { kind: 'go-test-json' };
    }
    throw new InputError(
      'The JSON upload is neither a cluster snapshot (schemaVersion, discovery, reads) nor `go test -json` output (results.json, one event per line)',
    );
  }
  if (type === 'text/plain') {
    if (!/^\s*--- (PASS|FAIL|SKIP)\b/m.test(body)) {
      throw new InputError(
        'The text upload is not an e2e.log: it holds no go test result line (--- PASS/FAIL/SKIP: TestName)',
      );
    }
    return { kind: 'e2e-log' };
  }
  throw new InputError(
    `Unsupported content type "${type}": send application/json (snapshot or results.json), application/xml (junit.xml) or text/plain (e2e.log)`,
  );
}

/**
 * Evaluates uploaded snapshots and official-suite artifacts and stores the
 * outcome as a run of the cluster, with the upload and who sent it.
 */
export class ReportUploadService {
  constructor(
    private readonly deps: {
      store: ConformanceStore;
      runner: ConformanceRunner;
      runs: RunManager;
    },
  ) {}

  async upload(entityRef: string, upload: ReportUpload): Promise<RunRecord> {
    const detected = detectUpload(upload.contentType, upload.body);
    const clusterName = parseEntityRef(entityRef).name;
    const report =
      detected.kind === 'snapshot'
        ? await this.deps.runner.evaluateSnapshot(detected.snapshot)
        : await this.deps.runner.evaluateArtifacts(
            [{ kind: detected.kind, content: upload.body }],
            (
              await this.deps.store.getLatestSucceeded(entityRef)
            )?.report,
            clusterName,
          );
    const artifact: NewArtifact = {
      kind: detected.kind,
      contentType: upload.contentType.split(';')[0].trim(),
      content: upload.body,
      sha256: createHash('sha256').update(upload.body).digest('hex'),
      uploadedBy: upload.uploadedBy,
      uploadedAt: new Date().toISOString(),
    };
    return this.deps.runs.recordUpload(
      entityRef,
      report,
      [artifact],
      upload.uploadedBy,
    );
  }
}
