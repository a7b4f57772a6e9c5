import { FakeCluster, node, unschedulable } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { clusterAutoscalingActive } from './clusterAutoscaling';

const POOL = { 'cloud.google.com/gke-nodepool': 'l4-pool' };

/** One GPU node; pending pods make a new node after `addAfter` ticks unless stuck. */
function poolCluster(stuck: boolean) {
  const c = new FakeCluster();
  c.add(
    '/api/v1/nodes',
    node('cpu-a', { 'cloud.google.com/gke-nodepool': 'default-pool' }),
  );
  c.add('/api/v1/nodes', node('gpu-a', POOL, { 'nvidia.com/gpu': '1' }));
  let added = false;
  c.tick = cl => {
    const gpuNodes = cl
      .list('nodes')
      .filter(
        n => n.metadata.labels?.['cloud.google.com/gke-nodepool'] === 'l4-pool',
      );
    for (const pod of cl.list('pods')) {
      if (pod.spec.nodeName) continue;
      const free = gpuNodes.find(
        n => !cl.list('pods').some(p => p.spec.nodeName === n.metadata.name),
      );
      if (free) {
        pod.spec.nodeName = free.metadata.name;
        pod.status = { phase: 'Running' };
      } else {
        pod.status = unschedulable(
          '0/2 nodes are available: 1 Insufficient nvidia.com/gpu.',
        );
        if (!stuck && !added) {
          added = true;
          cl.add(
            '/api/v1/nodes',
            node('gpu-b', POOL, { 'nvidia.com/gpu': '1' }),
          );
          cl.add(`/api/v1/namespaces/${pod.metadata.namespace}/events`, {
            metadata: { name: 'e1', namespace: pod.metadata.namespace },
            reason: 'TriggeredScaleUp',
            type: 'Normal',
            message: 'pod triggered scale-up: [{l4-pool 1->2 (max: 3)}]',
            involvedObject: { kind: 'Pod', name: pod.metadata.name },
          });
        }
      }
    }
  };
  return c;
}

describe('cluster_autoscaling (active)', () => {
  it('passes when the pool gains a Ready node, found by the accelerator node’s pool label', async () => {
    const c = poolCluster(false);
    const r = (await runOne(c, clusterAutoscalingActive)).results[0];
    expect(r.status).toBe('pass');
    expect(r.summary).toContain(
      'pool cloud.google.com/gke-nodepool=l4-pool brought a new node (gpu-b)',
    );
    const text = r.evidence.map(e => e.description).join('\n');
    expect(text).toContain('1 free nvidia.com/gpu; 2 pod(s)');
    expect(text).toContain('Event TriggeredScaleUp on Pod aic-scale-');
    expect(labelled(c)).toEqual([]);
  });

  it('observes scale-down when asked: the added node goes once the test pods are deleted', async () => {
    const c = poolCluster(false);
    const tick = c.tick;
    c.tick = cl => {
      tick(cl);
      const b = cl.find('nodes', 'gpu-b');
      const testPods = cl
        .list('pods')
        .filter(p => p.metadata.name.startsWith('aic-scale-'));
      if (b && testPods.length === 0) {
        cl.objects.forEach((o, k) => o === b && cl.objects.delete(k));
      }
    };
    const r = (
      await runOne(c, clusterAutoscalingActive, { observeScaleDown: true })
    ).results[0];
    expect(r.status).toBe('pass');
    expect(r.evidence.map(e => e.description).join('\n')).toMatch(
      /Scale-down: node gpu-b left the pool [\d.]+ s after the test pods were deleted/,
    );
  });

  it('fails naming the pod that stayed Unschedulable when no node comes', async () => {
    const c = poolCluster(true);
    const r = (
      await runOne(c, clusterAutoscalingActive, { checkDeadlineMs: 300 })
    ).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'pod aic-scale-1 stayed Pending (Unschedulable: 0/2 nodes are available: 1 Insufficient nvidia.com/gpu.)',
    );
  });

  it('is unknown, not fail, when the run’s deadline ends the wait', async () => {
    const c = poolCluster(true);
    const r = (
      await runOne(c, clusterAutoscalingActive, {
        checkDeadlineMs: 5000,
        deadlineMs: 300,
      })
    ).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain("the run's deadline");
  });

  it('uses a configured pool and is unknown when it has no accelerator', async () => {
    const c = poolCluster(false);
    const r = (
      await runOne(c, clusterAutoscalingActive, {
        autoscalingPool: 'cloud.google.com/gke-nodepool=default-pool',
      })
    ).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('publish no accelerator resource');
  });
});
