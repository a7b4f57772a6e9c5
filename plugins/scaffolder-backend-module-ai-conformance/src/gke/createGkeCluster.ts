import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  ClusterManagerMethods,
  GkeCluster,
  GkeOperation,
} from './containerApi';
import { grpcCodeOf, toContainerApiTaskError } from './containerApiError';
import { GkeClusterPlan } from './planGkeCluster';
import {
  SPEC_LABEL,
  specDigestOf,
  toGkeClusterRequest,
} from './toGkeClusterRequest';

const OPERATION_STATUS = [
  'STATUS_UNSPECIFIED',
  'PENDING',
  'RUNNING',
  'DONE',
  'ABORTING',
];
const CLUSTER_STATUS = [
  'STATUS_UNSPECIFIED',
  'PROVISIONING',
  'RUNNING',
  'RECONCILING',
  'STOPPING',
  'ERROR',
  'DEGRADED',
];
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;

/** An enum the client gives as a name, or as a number with numeric enums. */
function enumName(value: unknown, names: string[]): string {
  if (typeof value === 'number') return names[value] ?? String(value);
  return String(value ?? 'STATUS_UNSPECIFIED');
}

export interface CreateGkeClusterOptions {
  client: ClusterManagerMethods;
  plan: GkeClusterPlan;
  log: (message: string) => void;
  /** Between two reads of an operation or cluster. */
  pollIntervalMs: number;
  /** How long the cluster may take to be RUNNING. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface CreatedGkeCluster {
  cluster: GkeCluster;
  /** True when an earlier run (same spec) had created it. */
  reused: boolean;
  /** The create operation this run followed, if any. */
  operation?: string;
}

function describeProgress(op: GkeOperation): string {
  const parts: string[] = [];
  for (const m of op.progress?.metrics ?? []) {
    const value = m.intValue ?? m.doubleValue ?? m.stringValue;
    if (m.name && value !== null && value !== undefined && value !== '') {
      parts.push(`${m.name}=${value}`);
    }
  }
  for (const s of op.progress?.stages ?? []) {
    if (s.name) {
      parts.push(`${s.name}: ${enumName(s.status, OPERATION_STATUS)}`);
    }
  }
  return parts.join(', ');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('The task was cancelled'));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('The task was cancelled'));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Creates the planned cluster through the Container API and follows the
 * create operation until the cluster runs, logging the operation's progress.
 * A cluster of that name created by an earlier run with the same spec (its
 * `ai-conformance-spec` label matches) is reused; any other cluster of that
 * name is refused with a ConflictError. Errors of the API become task
 * errors that say what to do.
 */
export async function createGkeCluster(
  options: CreateGkeClusterOptions,
): Promise<CreatedGkeCluster> {
  const { client, plan, log } = options;
  const { projectId, region, name } = plan.spec;
  const parent = `projects/${projectId}/locations/${region}`;
  const clusterName = `${parent}/clusters/${name}`;
  const request = toGkeClusterRequest(plan);
  const digest = specDigestOf(request);
  const deadline = Date.now() + options.timeoutMs;
  const where = (action: string) => ({ action, projectId, region });

  const getCluster = async (): Promise<GkeCluster | undefined> => {
    try {
      const [cluster] = await client.getCluster({ name: clusterName });
      return cluster;
    } catch (error) {
      if (grpcCodeOf(error) === NOT_FOUND) return undefined;
      throw toContainerApiTaskError(error, where(`read cluster ${name}`));
    }
  };

  const checkSameSpec = (cluster: GkeCluster) => {
    const label = cluster.resourceLabels?.[SPEC_LABEL];
    if (label !== digest) {
      throw new ConflictError(
        label
          ? `A cluster named ${name} already exists in ${parent} with a different spec (label ${SPEC_LABEL}=${label}, this spec: ${digest}); choose another name, or delete that cluster first`
          : `A cluster named ${name} already exists in ${parent} and was not created by this template; choose another name`,
      );
    }
  };

  const waitUntilRunning = async (): Promise<GkeCluster> => {
    let last = '';
    for (;;) {
      const cluster = await getCluster();
      if (!cluster) {
        throw new ServiceUnavailableError(
          `Cluster ${name} disappeared from ${parent} while it was being created; retry the task`,
        );
      }
      const status = enumName(cluster.status, CLUSTER_STATUS);
      if (status === 'RUNNING') return cluster;
      if (
        status === 'ERROR' ||
        status === 'DEGRADED' ||
        status === 'STOPPING'
      ) {
        throw new ServiceUnavailableError(
          `Cluster ${name} is ${status} in ${parent}; look at its operations in the Google Cloud console, delete it and retry the task`,
        );
      }
      if (status !== last) log(`Cluster ${name} is ${status}`);
      last = status;
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `Cluster ${name} was not RUNNING after ${Math.round(
            options.timeoutMs / 60000,
          )} minutes (status ${status}); retry the task later to reuse it`,
        );
      }
      await sleep(options.pollIntervalMs, options.signal);
    }
  };

  const followOperation = async (op: GkeOperation): Promise<void> => {
    const opName = String(op.name ?? '');
    const path = opName.startsWith('projects/')
      ? opName
      : `${parent}/operations/${opName}`;
    let current = op;
    let last = '';
    for (;;) {
      const status = enumName(current.status, OPERATION_STATUS);
      const line = `Operation ${opName}: ${status}${
        describeProgress(current) ? ` (${describeProgress(current)})` : ''
      }`;
      if (line !== last) log(line);
      last = line;
      if (status === 'DONE') break;
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError(
          `Operation ${opName} had not finished after ${Math.round(
            options.timeoutMs / 60000,
          )} minutes; retry the task later to reuse the cluster`,
        );
      }
      await sleep(options.pollIntervalMs, options.signal);
      try {
        [current] = await client.getOperation({ name: path });
      } catch (error) {
        throw toContainerApiTaskError(error, where(`read operation ${opName}`));
      }
    }
    if (current.error?.code) {
      throw toContainerApiTaskError(
        { code: current.error.code, message: current.error.message ?? '' },
        where(`create cluster ${name}`),
      );
    }
  };

  const existing = await getCluster();
  if (existing) {
    checkSameSpec(existing);
    log(
      `Cluster ${name} already exists in ${parent} with this spec (an earlier run created it); reusing it`,
    );
    return { cluster: await waitUntilRunning(), reused: true };
  }

  log(
    `Creating cluster ${name} in ${parent}: GKE ${
      plan.spec.gkeVersion
    } on the ${plan.spec.releaseChannel} channel, ${
      (request.nodePools as unknown[]).length
    } node pools`,
  );
  let op: GkeOperation;
  try {
    [op] = await client.createCluster({ parent, cluster: request });
  } catch (error) {
    if (grpcCodeOf(error) === ALREADY_EXISTS) {
      // Created meanwhile (a parallel or earlier run): reuse it if it is ours.
      const raced = await getCluster();
      if (raced) {
        checkSameSpec(raced);
        log(`Cluster ${name} was created meanwhile with this spec; reusing it`);
        return { cluster: await waitUntilRunning(), reused: true };
      }
    }
    throw toContainerApiTaskError(error, where(`create cluster ${name}`));
  }
  await followOperation(op);
  const cluster = await waitUntilRunning();
  log(
    `Cluster ${name} is RUNNING: GKE ${cluster.currentMasterVersion}, API server https://${cluster.endpoint}`,
  );
  return { cluster, reused: false, operation: op.name ?? undefined };
}
