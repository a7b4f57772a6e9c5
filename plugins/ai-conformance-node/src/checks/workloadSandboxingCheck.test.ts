import { workloadSandboxingCheck } from './workloadSandboxingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { runtimeClass } from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.37' };

describe('workload_sandboxing', () => {
  it('passes with the GKE Sandbox gvisor RuntimeClass', () => {
    const r = run(
      workloadSandboxingCheck,
      { reads: { runtimeclasses: [runtimeClass('gvisor', 'gvisor')] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].object).toMatchObject({
      kind: 'RuntimeClass',
      name: 'gvisor',
    });
  });

  it('passes with the agent-sandbox API even if RuntimeClasses are forbidden', () => {
    const r = run(
      workloadSandboxingCheck,
      {
        groups: { 'agents.x-k8s.io': { v1alpha1: ['sandboxes'] } },
        reads: {
          runtimeclasses: failedRead('forbidden', 'list runtimeclasses', 403),
        },
      },
      opts,
    );
    expect(r.status).toBe('pass');
  });

  it('fails with only ordinary runtime classes', () => {
    expect(
      run(
        workloadSandboxingCheck,
        { reads: { runtimeclasses: [runtimeClass('nvidia', 'nvidia')] } },
        opts,
      ).status,
    ).toBe('fail');
  });

  it('is partial with a RuntimeClass whose handler it does not recognise', () => {
    const r = run(
      workloadSandboxingCheck,
      {
        reads: {
          runtimeclasses: [
            runtimeClass('nvidia', 'nvidia'),
            runtimeClass('secure', 'vendor-microvm'),
          ],
        },
      },
      opts,
    );
    expect(r.status).toBe('partial');
    expect(r.summary).toContain('secure (handler vendor-microvm)');
  });

  it('is unknown when RuntimeClasses cannot be listed', () => {
    const r = run(
      workloadSandboxingCheck,
      {
        reads: {
          runtimeclasses: failedRead(
            'forbidden',
            'list node.k8s.io/v1 runtimeclasses',
            403,
          ),
        },
      },
      opts,
    );
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe('needs list on runtimeclasses.node.k8s.io');
  });
});
