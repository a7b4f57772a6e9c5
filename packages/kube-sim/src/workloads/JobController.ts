import type { KubeObject } from '../types';
import type { StoreChange } from '../store/ClusterStore';
import { suffixOf } from '../scenario/objectIds';
import {
  WorkloadController,
  conditionOf,
  nowTimestamp,
  withCondition,
} from './WorkloadController';
import { recordEvent } from './recordEvent';

type JobSpec = {
  parallelism?: number;
  completions?: number;
  backoffLimit?: number;
  suspend?: boolean;
  completionMode?: string;
  template?: {
    metadata?: KubeObject['metadata'];
    spec?: Record<string, unknown>;
  };
};

function podsOfJob(pods: KubeObject[], job: KubeObject): KubeObject[] {
  return pods.filter(p =>
    (
      (p.metadata.ownerReferences as Array<{ uid?: unknown }> | undefined) ?? []
    ).some(r => r.uid === job.metadata.uid),
  );
}

function phaseOf(p: KubeObject): string | undefined {
  return (p.status as { phase?: string } | undefined)?.phase;
}

/** The pair of conditions a finished Job gets (the target condition, then the final one). */
function finishedConditions(
  conditions: unknown,
  types: string[],
  reason: string,
  message: string,
): Array<Record<string, unknown>> {
  return types.reduce(
    (list: unknown, type) =>
      withCondition(list, { type, status: 'True', reason, message }),
    conditions,
  ) as Array<Record<string, unknown>>;
}

/** The batch/v1 Job controller: pods up to `parallelism` unless suspended, status counts and conditions. */
export class JobController extends WorkloadController {
  readonly name = 'job-controller';

  protected interested(c: StoreChange): boolean {
    return (
      (c.group === 'batch' && c.resource === 'jobs') ||
      (c.group === '' && c.resource === 'pods')
    );
  }

  protected pass(): void {
    const jobs = this.listAdded('batch', 'jobs');
    if (!jobs.length) return;
    const pods = this.listAdded('', 'pods');
    for (const job of jobs) this.sync(job, podsOfJob(pods, job));
  }

  private sync(job: KubeObject, pods: KubeObject[]) {
    if (
      conditionOf(job, 'Complete')?.status === 'True' ||
      conditionOf(job, 'Failed')?.status === 'True'
    )
      return;
    const spec = (job.spec ?? {}) as JobSpec;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions ?? parallelism;
    const active = pods.filter(
      p => phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed',
    );
    const succeeded = pods.filter(p => phaseOf(p) === 'Succeeded').length;
    const failed = pods.filter(p => phaseOf(p) === 'Failed').length;
    const ready = active.filter(
      p => conditionOf(p, 'Ready')?.status === 'True',
    ).length;
    const status = { ...((job.status ?? {}) as Record<string, unknown>) };
    let conditions = status.conditions;
    if (spec.suspend) {
      active.forEach(p =>
        this.store.delete('', 'pods', p.metadata.namespace, p.metadata.name),
      );
      if (conditionOf(job, 'Suspended')?.status !== 'True') {
        conditions = withCondition(conditions, {
          type: 'Suspended',
          status: 'True',
          reason: 'JobSuspended',
          message: 'Job suspended',
          lastProbeTime: nowTimestamp(),
        });
        recordEvent(this.store, job, {
          reason: 'Suspended',
          message: 'Job suspended',
          component: 'job-controller',
        });
      }
      this.write(job, {
        ...status,
        active: 0,
        ready: 0,
        succeeded,
        failed,
        conditions,
      });
      return;
    }
    if (conditionOf(job, 'Suspended')?.status === 'True') {
      conditions = withCondition(conditions, {
        type: 'Suspended',
        status: 'False',
        reason: 'JobResumed',
        message: 'Job resumed',
        lastProbeTime: nowTimestamp(),
      });
      recordEvent(this.store, job, {
        reason: 'Resumed',
        message: 'Job resumed',
        component: 'job-controller',
      });
    }
    const startTime = status.startTime ?? nowTimestamp();
    let end:
      | { types: string[]; reason: string; message: string; warning: boolean }
      | undefined;
    if (failed > (spec.backoffLimit ?? 6))
      end = {
        types: ['FailureTarget', 'Failed'],
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
        warning: true,
      };
    else if (succeeded >= completions)
      end = {
        types: ['SuccessCriteriaMet', 'Complete'],
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
        warning: false,
      };
    if (end) {
      active.forEach(p =>
        this.store.delete('', 'pods', p.metadata.namespace, p.metadata.name),
      );
      this.write(job, {
        ...status,
        startTime,
        ...(end.warning ? {} : { completionTime: nowTimestamp() }),
        active: 0,
        ready: 0,
        succeeded,
        failed,
        conditions: finishedConditions(
          conditions,
          end.types,
          end.reason,
          end.message,
        ),
      });
      recordEvent(this.store, job, {
        type: end.warning ? 'Warning' : 'Normal',
        reason: end.warning ? end.reason : 'Completed',
        message: end.warning ? end.message : 'Job completed',
        component: 'job-controller',
      });
      return;
    }
    const missing = Math.min(
      parallelism - active.length,
      completions - succeeded - active.length,
    );
    const taken = new Set(pods.map(p => p.metadata.name));
    let created = 0;
    for (let i = 0; created < missing && i < 10_000; i++) {
      const name = `${job.metadata.name}-${suffixOf(
        `${String(job.metadata.uid)}:${i}`,
        5,
      )}`;
      if (taken.has(name)) continue;
      this.createPod(job, spec, name, succeeded + active.length + created);
      created++;
    }
    this.write(job, {
      ...status,
      startTime,
      active: active.length + created,
      ready,
      succeeded,
      failed,
      conditions,
    });
  }

  private createPod(
    job: KubeObject,
    spec: JobSpec,
    name: string,
    index: number,
  ) {
    const template = spec.template ?? {};
    const uid = String(job.metadata.uid);
    const indexed = spec.completionMode === 'Indexed';
    const pod = this.store.create('', 'pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...template.metadata,
        name,
        namespace: job.metadata.namespace,
        labels: {
          ...template.metadata?.labels,
          'batch.kubernetes.io/controller-uid': uid,
          'batch.kubernetes.io/job-name': job.metadata.name,
          'controller-uid': uid,
          'job-name': job.metadata.name,
          ...(indexed
            ? { 'batch.kubernetes.io/job-completion-index': String(index) }
            : {}),
        },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: job.metadata.name,
            uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { schedulerName: 'default-scheduler', ...template.spec },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    recordEvent(this.store, job, {
      reason: 'SuccessfulCreate',
      message: `Created pod: ${pod.metadata.name}`,
      component: 'job-controller',
    });
  }

  private write(job: KubeObject, status: Record<string, unknown>) {
    if (JSON.stringify(status) === JSON.stringify(job.status ?? {})) return;
    this.writeStatus('batch', 'jobs', job, status);
  }
}
