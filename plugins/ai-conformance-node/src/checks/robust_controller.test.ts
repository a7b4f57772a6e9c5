import { robustControllerCheck } from './robust_controller';
import { failedRead, run } from './lib/testing/snapshotFixture';
import { crd, deployment, webhookConfig } from './lib/testing/objectFactories';

const RAY = { 'ray.io': { v1: ['rayclusters', 'rayjobs', 'rayservices'] } };
const rayCrds = [crd('ray.io', 'rayclusters'), crd('ray.io', 'rayjobs')];
const operator = deployment('kuberay-system', 'kuberay-operator');
const hook = webhookConfig('kuberay-validating-webhook-configuration', [
  'ray.io',
]);
const reads = {
  crds: rayCrds,
  deployments: [operator],
  validatingwebhookconfigurations: [hook],
};

describe('robust_controller', () => {
  it('declares a dry-run probe per operator group', () => {
    expect(robustControllerCheck.probes?.map(p => p.id)).toContain(
      'robust_controller:ray.io',
    );
  });

  it('passes passively with Established CRDs, an available controller and a webhook', () => {
    const r = run(robustControllerCheck, { groups: RAY, reads });
    expect(r.status).toBe('pass');
    expect(r.method).toBe('passive');
    expect(
      r.evidence.some(e => e.object?.kind === 'ValidatingWebhookConfiguration'),
    ).toBe(true);
    expect(
      r.evidence.some(
        e =>
          e.fields?.['rayclusters.ray.io.status.conditions[Established]'] ===
          'True',
      ),
    ).toBe(true);
  });

  it('uses the dry-run method when the invalid object was rejected', () => {
    const r = run(robustControllerCheck, {
      groups: RAY,
      reads,
      probes: {
        'robust_controller:ray.io': {
          id: 'robust_controller:ray.io',
          outcome: 'rejected',
          message: 'admission webhook "vraycluster.kb.io" denied the request',
        },
      },
    });
    expect(r.status).toBe('pass');
    expect(r.method).toBe('dry-run');
  });

  it('stays passive and says why when the probe was not allowed', () => {
    const r = run(robustControllerCheck, {
      groups: RAY,
      reads,
      probes: {
        'robust_controller:ray.io': {
          id: 'robust_controller:ray.io',
          outcome: 'forbidden',
          message: 'not allowed to create rayclusters.ray.io in default',
        },
      },
    });
    expect(r.status).toBe('pass');
    expect(r.method).toBe('passive');
    expect(r.notes?.join(' ')).toContain('not allowed to create');
  });

  it('is partial when the dry-run shows the webhook lets an invalid object through', () => {
    const r = run(robustControllerCheck, {
      groups: RAY,
      reads,
      probes: {
        'robust_controller:ray.io': {
          id: 'robust_controller:ray.io',
          outcome: 'accepted',
          message: 'created (dry run)',
        },
      },
    });
    expect(r.status).toBe('partial');
    expect(r.summary).toContain('not operational');
  });

  it('is partial without a webhook and fails with an unavailable controller', () => {
    expect(
      run(robustControllerCheck, {
        groups: RAY,
        reads: { ...reads, validatingwebhookconfigurations: [] },
      }).status,
    ).toBe('partial');
    const down = run(robustControllerCheck, {
      groups: RAY,
      reads: {
        ...reads,
        deployments: [
          deployment('kuberay-system', 'kuberay-operator', {
            available: false,
          }),
        ],
      },
    });
    expect(down.status).toBe('fail');
  });

  it('fails when no AI operator is installed', () => {
    const r = run(robustControllerCheck, { groups: {} }, { platform: 'gke' });
    expect(r.status).toBe('fail');
    expect(r.remediation[0].command).toContain('RayOperator');
  });

  it('is unknown when CRDs cannot be listed, naming the permission', () => {
    const r = run(robustControllerCheck, {
      groups: RAY,
      reads: {
        ...reads,
        crds: failedRead(
          'forbidden',
          'list apiextensions.k8s.io/v1 customresourcedefinitions',
          403,
        ),
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe(
      'needs list on customresourcedefinitions.apiextensions.k8s.io',
    );
  });
});
