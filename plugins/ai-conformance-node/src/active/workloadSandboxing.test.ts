import { FakeCluster, finishPods, node } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { workloadSandboxingActive } from './workloadSandboxing';

function sandboxCluster(shared: boolean) {
  const c = new FakeCluster();
  c.add('/api/v1/nodes', node('sandbox-a'));
  c.add('/apis/node.k8s.io/v1/runtimeclasses', {
    metadata: { name: 'gvisor' },
    handler: 'gvisor',
  } as any);
  c.tick = cl =>
    finishPods(
      cl,
      pod => ({
        log: pod.spec.runtimeClassName && !shared ? '4.4.0\n' : '6.6.87+\n',
        exitCode: 0,
      }),
      () => 'sandbox-a',
    );
  return c;
}

describe('workload_sandboxing (active)', () => {
  it('passes when the sandboxed pod reports its own kernel', async () => {
    const c = sandboxCluster(false);
    const r = (await runOne(c, workloadSandboxingActive)).results[0];
    expect(r.status).toBe('pass');
    expect(r.summary).toContain(
      'reports kernel 4.4.0, control pod aic-control on the same node sandbox-a reports 6.6.87+',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('fails naming the pod that reports the node’s kernel', async () => {
    const r = (await runOne(sandboxCluster(true), workloadSandboxingActive))
      .results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      "Container uname of pod aic-sandboxed (RuntimeClass gvisor, handler gvisor) reports the node's kernel 6.6.87+",
    );
  });

  it('is unknown without a sandbox RuntimeClass', async () => {
    const c = new FakeCluster();
    c.add('/apis/node.k8s.io/v1/runtimeclasses', {
      metadata: { name: 'nvidia' },
      handler: 'nvidia',
    } as any);
    const r = (await runOne(c, workloadSandboxingActive)).results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain('no RuntimeClass with a sandbox handler');
  });
});
