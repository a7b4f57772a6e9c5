import { FakeCluster, node } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { gangSchedulingActive, milliCpu } from './gangScheduling';
import type { ActiveObject } from './KubeOps';

/** A Kueue double: admits a whole gang when it fits the quota (or, partial, one member at a time). */
function kueueCluster(mode: 'healthy' | 'partial') {
  const c = new FakeCluster();
  c.add('/api/v1/nodes', node('n'));
  c.groups['kueue.x-k8s.io'] = {
    version: 'v1beta1',
    resources: ['clusterqueues', 'resourceflavors', 'localqueues', 'workloads'],
  };
  c.tick = cl => {
    const cq = cl.list('clusterqueues')[0];
    if (!cq) return;
    const quota = milliCpu(
      cq.spec.resourceGroups[0].flavors[0].resources[0].nominalQuota,
    )!;
    let used = 0;
    for (const job of cl.list('jobs')) {
      const ns = job.metadata.namespace!;
      const cpu = milliCpu(
        job.spec.template.spec.containers[0].resources.requests.cpu,
      )!;
      const total = cpu * job.spec.parallelism;
      const fits = used + total <= quota;
      if (!cl.find('workloads', `job-${job.metadata.name}`)) {
        cl.add(`/apis/kueue.x-k8s.io/v1beta1/namespaces/${ns}/workloads`, {
          metadata: {
            name: `job-${job.metadata.name}`,
            namespace: ns,
            ownerReferences: [{ kind: 'Job', name: job.metadata.name }],
          },
          status: {
            conditions: [
              fits
                ? { type: 'Admitted', status: 'True' }
                : {
                    type: 'QuotaReserved',
                    status: 'False',
                    message: `couldn't assign flavors: insufficient quota for cpu, request > maximum capacity`,
                  },
            ],
          },
        });
      }
      let members = 0;
      if (fits || mode === 'partial') members = job.spec.parallelism;
      if (fits) used += total;
      for (let i = 0; i < members; i++) {
        const name = `${job.metadata.name}-${i}`;
        if (cl.find('pods', name)) continue;
        const running = fits || (mode === 'partial' && i === 0);
        const pod: ActiveObject = {
          metadata: {
            name,
            namespace: ns,
            labels: job.spec.template.metadata.labels,
          },
          spec: job.spec.template.spec,
          status: { phase: running ? 'Running' : 'Pending' },
        };
        cl.add(`/api/v1/namespaces/${ns}/pods`, pod);
      }
    }
  };
  return c;
}

describe('gang_scheduling (active)', () => {
  it('passes with its own queue: the too-big gang never runs, the fitting one starts', async () => {
    const c = kueueCluster('healthy');
    let cq: any;
    c.admit = o => {
      if (o.kind === 'ClusterQueue') cq = o;
      return undefined;
    };
    const run = await runOne(c, gangSchedulingActive, { gangObserveMs: 50 });
    const r = run.results[0];
    expect(r.status).toBe('pass');
    expect(cq.spec.namespaceSelector.matchLabels).toEqual({
      'ai-conformance.io/run-id': '0123456789abcdef',
    });
    const text = r.evidence.map(e => e.description).join('\n');
    expect(text).toContain('NegativeGangScheduling: pass');
    expect(text).toContain('insufficient quota');
    expect(text).toContain(
      'PositiveGangScheduling: pass — all 2 members of aic-gang-fits started',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('fails naming the member that ran while the others waited', async () => {
    const c = kueueCluster('partial');
    const r = (await runOne(c, gangSchedulingActive, { gangObserveMs: 200 }))
      .results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'aic-gang-too-big-0 Running while aic-gang-too-big-1, aic-gang-too-big-2 waited',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('uses a configured LocalQueue in its namespace, sized by its ClusterQueue, and cleanup removes the jobs there', async () => {
    const c = kueueCluster('healthy');
    c.add('/api/v1/namespaces', { metadata: { name: 'ml-serving' } });
    c.add('/apis/kueue.x-k8s.io/v1beta1/clusterqueues', {
      metadata: { name: 'gpu-cluster-queue' },
      spec: {
        resourceGroups: [
          {
            flavors: [
              { name: 'f', resources: [{ name: 'cpu', nominalQuota: '4' }] },
            ],
          },
        ],
      },
    });
    c.add('/apis/kueue.x-k8s.io/v1beta1/namespaces/ml-serving/localqueues', {
      metadata: { name: 'ml-batch', namespace: 'ml-serving' },
      spec: { clusterQueue: 'gpu-cluster-queue' },
    });
    const jobs: any[] = [];
    c.admit = o => {
      if (o.kind === 'Job') jobs.push(o);
      return undefined;
    };
    const run = await runOne(c, gangSchedulingActive, {
      gangObserveMs: 50,
      localQueue: 'ml-serving/ml-batch',
    });
    expect(run.results[0].status).toBe('pass');
    expect(
      jobs.map(j => [
        j.metadata.namespace,
        j.metadata.labels['kueue.x-k8s.io/queue-name'],
      ]),
    ).toEqual([
      ['ml-serving', 'ml-batch'],
      ['ml-serving', 'ml-batch'],
    ]);
    // 3 members of 2001m: more than the 4 CPU quota together
    expect(
      jobs[0].spec.template.spec.containers[0].resources.requests.cpu,
    ).toBe('2001m');
    expect(c.list('clusterqueues').map(q => q.metadata.name)).toEqual([
      'gpu-cluster-queue',
    ]);
    expect(run.cleanup.deleted).toContain('Job ml-serving/aic-gang-fits');
    expect(c.list('jobs')).toEqual([]);
  });

  it('is unknown when Kueue is not served', async () => {
    const c = new FakeCluster();
    const r = (await runOne(c, gangSchedulingActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('Kueue (kueue.x-k8s.io) is not served');
  });

  it('reads quantities', () => {
    expect(milliCpu('1')).toBe(1000);
    expect(milliCpu('500m')).toBe(500);
    expect(milliCpu(2)).toBe(2000);
    expect(milliCpu('1Gi')).toBeUndefined();
  });
});
