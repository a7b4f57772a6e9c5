import { randomBytes } from 'node:crypto';

export type OperationType =
  | 'CREATE_CLUSTER'
  | 'DELETE_CLUSTER'
  | 'CREATE_NODE_POOL';

/** One long-running operation: PENDING for `pendingMs`, RUNNING for `runningMs`, then DONE. */
export interface OperationRecord {
  name: string;
  project: string;
  location: string;
  type: OperationType;
  /** The cluster the operation works on. */
  cluster: string;
  targetLink: string;
  detail: string;
  stages: string[];
  startMs: number;
  pendingMs: number;
  runningMs: number;
  done: boolean;
  endMs?: number;
  error?: { code: number; message: string };
  /** Runs once when the operation completes (creates the virtual cluster, removes it...). */
  complete: () => void;
}

const API = 'https://container.googleapis.com/v1';

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The operations of the double; each completes on a timer, or when read after its time. */
export class OperationTracker {
  private readonly operations = new Map<string, OperationRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();

  start(
    op: Omit<OperationRecord, 'name' | 'startMs' | 'done' | 'endMs' | 'error'>,
  ): OperationRecord {
    const now = Date.now();
    const record: OperationRecord = {
      ...op,
      name: `operation-${now}-${randomBytes(4).toString('hex')}`,
      startMs: now,
      done: false,
    };
    this.operations.set(record.name, record);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.finish(record);
    }, op.pendingMs + op.runningMs);
    this.timers.add(timer);
    return record;
  }

  /** The operation, completed first if its time has come. */
  get(name: string): OperationRecord | undefined {
    const op = this.operations.get(name);
    if (
      op &&
      !op.done &&
      Date.now() >= op.startMs + op.pendingMs + op.runningMs
    )
      this.finish(op);
    return op;
  }

  /** The running (not DONE) operation on a cluster, if any. */
  runningOn(project: string, location: string, cluster: string) {
    for (const op of this.operations.values()) {
      if (
        !op.done &&
        op.project === project &&
        op.location === location &&
        op.cluster === cluster
      )
        return this.get(op.name)?.done ? undefined : op;
    }
    return undefined;
  }

  private finish(op: OperationRecord) {
    if (op.done) return;
    op.done = true;
    op.endMs = Date.now();
    try {
      op.complete();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      op.error = {
        code: typeof code === 'number' ? code : 13,
        message: (e as Error).message,
      };
    }
  }

  /** The Operation message (enum names). */
  render(op: OperationRecord): Record<string, unknown> {
    const now = Date.now();
    const elapsed = now - op.startMs;
    let status = 'RUNNING';
    if (op.done) status = 'DONE';
    else if (elapsed < op.pendingMs) status = 'PENDING';
    const total = op.stages.length;
    let doneSteps = 0;
    if (op.done) doneSteps = total;
    else if (status === 'RUNNING')
      doneSteps = Math.min(
        total - 1,
        Math.floor(((elapsed - op.pendingMs) / op.runningMs) * total),
      );
    const stageStatus = (i: number) => {
      if (i < doneSteps) return 'DONE';
      return i === doneSteps && status === 'RUNNING' ? 'RUNNING' : 'PENDING';
    };
    return {
      name: op.name,
      zone: op.location,
      location: op.location,
      operationType: op.type,
      status,
      detail: op.detail,
      selfLink: `${API}/projects/${op.project}/locations/${op.location}/operations/${op.name}`,
      targetLink: op.targetLink,
      startTime: isoTime(op.startMs),
      ...(op.endMs ? { endTime: isoTime(op.endMs) } : {}),
      ...(op.error
        ? {
            error: op.error,
            statusMessage: op.error.message,
          }
        : {}),
      progress: {
        status,
        metrics: [
          { name: 'STEPS_DONE', intValue: String(doneSteps) },
          { name: 'STEPS_TOTAL', intValue: String(total) },
        ],
        stages: op.stages.map((name, i) => ({
          name,
          status: stageStatus(i),
        })),
      },
    };
  }

  stop() {
    this.timers.forEach(t => clearTimeout(t));
    this.timers.clear();
  }
}
