import { FakeCluster } from './__testUtils__/FakeCluster';
import { labelled, runOne } from './__testUtils__/runOne';
import { robustControllerActive } from './robustController';

function rayCluster(opts: { webhook: boolean; reconcile: boolean }) {
  const c = new FakeCluster();
  c.groups['ray.io'] = { version: 'v1', resources: ['rayclusters'] };
  c.admit = o =>
    opts.webhook && o.kind === 'RayCluster' && !(o.spec as any)?.headGroupSpec
      ? {
          status: 422,
          message: `admission webhook "vraycluster.kb.io" denied the request: RayCluster.ray.io "${o.metadata.name}" is invalid: spec.headGroupSpec: Required value`,
        }
      : undefined;
  c.tick = cl => {
    if (!opts.reconcile) return;
    for (const rc of cl.list('rayclusters'))
      rc.status ??= {
        state: 'ready',
        conditions: [{ type: 'Ready', status: 'True' }],
      };
  };
  return c;
}

describe('robust_controller (active)', () => {
  it('passes: invalid refused by the webhook, valid reconciled and deleted', async () => {
    const c = rayCluster({ webhook: true, reconcile: true });
    const r = (await runOne(c, robustControllerActive)).results[0];
    expect(r.status).toBe('pass');
    const text = r.evidence.map(e => e.description).join('\n');
    expect(text).toContain(
      'Create of invalid RayCluster aic-invalid: HTTP 422 — admission webhook "vraycluster.kb.io" denied the request',
    );
    expect(text).toContain(
      'Valid RayCluster aic-valid got a status from its controller',
    );
    expect(labelled(c)).toEqual([]);
  });

  it('fails when the invalid object is stored (no webhook)', async () => {
    const c = rayCluster({ webhook: false, reconcile: true });
    const r = (await runOne(c, robustControllerActive)).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toContain(
      'the invalid RayCluster aic-invalid was stored: no admission webhook refused it',
    );
  });

  it('fails when the controller never writes a status within the check deadline', async () => {
    const c = rayCluster({ webhook: true, reconcile: false });
    const r = (
      await runOne(c, robustControllerActive, { checkDeadlineMs: 300 })
    ).results[0];
    expect(r.status).toBe('fail');
    expect(r.summary).toMatch(
      /valid RayCluster aic-valid got no status within \d+ s/,
    );
  });

  it('is unknown when no operator it can drive is served', async () => {
    const r = (await runOne(new FakeCluster(), robustControllerActive))
      .results[0];
    expect(r.status).toBe('unknown');
    expect(r.summary).toContain(
      'ray.io, jobset.x-k8s.io, leaderworkerset.x-k8s.io',
    );
  });
});
