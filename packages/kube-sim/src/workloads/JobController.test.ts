import { startKubeSim } from '../server/startKubeSim';
import type { KubeSim } from '../types';
import { simClient } from '../__testUtils__/simClient';

const jobOf = (
  name: string,
  spec: Record<string, unknown>,
  command: string[],
) => ({
  metadata: { name },
  spec: {
    ...spec,
    template: {
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'main', image: 'busybox', command }],
      },
    },
  },
});

// Waits for simulated controllers (up to 20 s each) under a loaded run.
jest.setTimeout(60_000);

describe('JobController', () => {
  let sim: KubeSim;
  let api: ReturnType<typeof simClient>;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke', scenario: 'vanilla-1.36-cpu' }],
      metrics: false,
      workloads: { startDelayMs: 10 },
    });
    api = simClient(sim.cluster('gke'));
    await api.namespace('jobs');
  }, 60_000);
  afterAll(() => sim?.stop());

  it('runs parallelism pods per completion and marks the Job Complete', async () => {
    await api.post(
      '/apis/batch/v1/namespaces/jobs/jobs',
      jobOf('three', { parallelism: 2, completions: 3 }, ['true']),
    );
    const job = await api.waitFor(
      '/apis/batch/v1/namespaces/jobs/jobs/three',
      j => j.status?.conditions?.some((c: any) => c.type === 'Complete'),
    );
    expect(job.status).toMatchObject({ succeeded: 3, failed: 0, active: 0 });
    expect(job.status.completionTime).toBeDefined();
    const pods = (
      await api.get(
        '/api/v1/namespaces/jobs/pods?labelSelector=batch.kubernetes.io/job-name=three',
      )
    ).json.items;
    expect(pods).toHaveLength(3);
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({
      kind: 'Job',
      name: 'three',
      uid: job.metadata.uid,
      controller: true,
    });
    const events = await api.events('jobs', 'three');
    expect(
      events.filter((e: any) => e.reason === 'SuccessfulCreate'),
    ).toHaveLength(3);
  });

  it('marks a Job Failed once its pods failed more than backoffLimit times', async () => {
    await api.post(
      '/apis/batch/v1/namespaces/jobs/jobs',
      jobOf('failing', { backoffLimit: 1 }, ['false']),
    );
    const job = await api.waitFor(
      '/apis/batch/v1/namespaces/jobs/jobs/failing',
      j => j.status?.conditions?.some((c: any) => c.type === 'Failed'),
    );
    expect(job.status.failed).toBe(2);
    expect(
      job.status.conditions.find((c: any) => c.type === 'Failed'),
    ).toMatchObject({
      status: 'True',
      reason: 'BackoffLimitExceeded',
    });
  });

  it('creates no pod for a suspended Job', async () => {
    await api.post(
      '/apis/batch/v1/namespaces/jobs/jobs',
      jobOf('held', { suspend: true }, ['true']),
    );
    const job = await api.waitFor(
      '/apis/batch/v1/namespaces/jobs/jobs/held',
      j => j.status?.conditions?.some((c: any) => c.type === 'Suspended'),
    );
    expect(job.status.active).toBe(0);
    const pods = await api.get(
      '/api/v1/namespaces/jobs/pods?labelSelector=job-name=held',
    );
    expect(pods.json.items).toEqual([]);
  });
});
