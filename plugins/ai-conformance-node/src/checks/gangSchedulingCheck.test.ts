import { gangSchedulingCheck } from './gangSchedulingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  crd,
  deployment,
  service,
  webhookConfig,
} from './lib/__testUtils__/objectFactories';

const KUEUE = {
  'kueue.x-k8s.io': { v1beta1: ['clusterqueues', 'localqueues', 'workloads'] },
};

describe('gang_scheduling', () => {
  it('passes when Kueue is served and its controller is available', () => {
    const r = run(gangSchedulingCheck, {
      groups: KUEUE,
      reads: {
        deployments: [deployment('kueue-system', 'kueue-controller-manager')],
      },
    });
    expect(r.status).toBe('pass');
    const dep = r.evidence.find(e => e.object?.kind === 'Deployment');
    expect(dep?.object?.namespace).toBe('kueue-system');
    expect(dep?.fields?.['status.availableReplicas']).toBe(1);
  });

  it('fails when the controller is not available', () => {
    const r = run(gangSchedulingCheck, {
      groups: KUEUE,
      reads: {
        deployments: [
          deployment('kueue-system', 'kueue-controller-manager', {
            available: false,
          }),
        ],
      },
    });
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('not available');
  });

  it('is partial when the API is served but no controller is recognised', () => {
    const r = run(gangSchedulingCheck, {
      groups: { 'scheduling.volcano.sh': { v1beta1: ['podgroups'] } },
      reads: { deployments: [] },
    });
    expect(r.status).toBe('partial');
  });

  it('fails when no gang scheduler is installed, even if deployments cannot be read', () => {
    const r = run(
      gangSchedulingCheck,
      {
        groups: {},
        reads: {
          deployments: failedRead('forbidden', 'list apps/v1 deployments', 403),
        },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('fail');
    expect(r.remediation[0].command).toContain('kueue');
  });

  it('is unknown when Kueue is installed but deployments cannot be listed', () => {
    const r = run(gangSchedulingCheck, {
      groups: KUEUE,
      reads: {
        deployments: failedRead('forbidden', 'list apps/v1 deployments', 403),
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe('needs list on deployments.apps');
  });

  it('is unknown when discovery failed', () => {
    expect(
      run(gangSchedulingCheck, { discoveryOutcome: 'forbidden' }).status,
    ).toBe('unknown');
  });

  it('recognises an unknown scheduler by its PodGroup kind and webhook-linked controller', () => {
    const GROUP = 'batch.hpc.example';
    const fixture = (available: boolean) => ({
      groups: { [GROUP]: { v1: ['podgroups'] } },
      reads: {
        crds: [crd(GROUP, 'podgroups', { kind: 'PodGroup' })],
        deployments: [
          deployment('hpc-system', 'gang-manager', {
            available,
            podLabels: { app: 'gang' },
          }),
        ],
        services: [service('hpc-system', 'gang-webhook', { app: 'gang' })],
        validatingwebhookconfigurations: [
          webhookConfig('gang', [GROUP], {
            service: { namespace: 'hpc-system', name: 'gang-webhook' },
          }),
        ],
      },
    });
    const up = run(gangSchedulingCheck, fixture(true));
    expect(up.status).toBe('pass');
    expect(up.summary).toContain(`${GROUP}, recognised by shape`);
    const down = run(gangSchedulingCheck, fixture(false));
    expect(down.status).toBe('fail');
    expect(down.summary).toContain('hpc-system/gang-manager');
  });

  it('checks a declared scheduler', () => {
    const solutions = [
      {
        name: 'Corp Gang Scheduler',
        capability: 'gang-scheduling' as const,
        group: 'gang.corp.example',
        controller: {
          namespace: 'corp',
          name: 'gang',
          kind: 'Deployment' as const,
        },
      },
    ];
    const groups = { 'gang.corp.example': { v1: ['gangs'] } };
    const up = run(
      gangSchedulingCheck,
      { groups, reads: { deployments: [deployment('corp', 'gang')] } },
      { solutions },
    );
    expect(up.status).toBe('pass');
    expect(up.summary).toContain('declared');
    const down = run(
      gangSchedulingCheck,
      {
        groups,
        reads: { deployments: [deployment('corp', 'gang', { replicas: 0 })] },
      },
      { solutions },
    );
    expect(down.status).toBe('fail');
  });
});
