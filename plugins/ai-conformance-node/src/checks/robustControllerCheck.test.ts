import { robustControllerCheck } from './robustControllerCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  crd,
  daemonSet,
  deployment,
  service,
  webhookConfig,
} from './lib/__testUtils__/objectFactories';

const RAY = { 'ray.io': { v1: ['rayclusters', 'rayjobs', 'rayservices'] } };
const rayCrds = [crd('ray.io', 'rayclusters'), crd('ray.io', 'rayjobs')];
const operator = deployment('kuberay-system', 'kuberay-operator');
const hook = webhookConfig(
  'kuberay-validating-webhook-configuration',
  ['ray.io'],
  { service: { namespace: 'kuberay-system', name: 'kuberay-webhook-service' } },
);
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

  it('fails when no AI operator is installed, saying what it looked at', () => {
    const r = run(
      robustControllerCheck,
      {
        groups: {},
        reads: {
          crds: [],
          deployments: [],
          validatingwebhookconfigurations: [],
        },
      },
      { platform: 'gke' },
    );
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('none of the 0 CRD group(s)');
    expect(r.remediation[0].command).toContain('RayOperator');
  });

  it('is unknown, not fail, when no operator is known and nothing could be read', () => {
    const r = run(robustControllerCheck, { groups: {} });
    expect(r.status).toBe('unknown');
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

  describe('by shape', () => {
    // A made-up operator no table names: CRDs, a webhook whose Service
    // selects the controller's pods, and the controller itself.
    const GROUP = 'models.acme.example';
    const groups = { [GROUP]: { v1alpha1: ['modelservers'] } };
    const shapeReads = (
      controller = deployment('acme-system', 'acme-manager', {
        podLabels: { 'control-plane': 'acme-manager' },
      }),
    ) => ({
      crds: [crd(GROUP, 'modelservers', { kind: 'ModelServer' })],
      deployments: [controller, deployment('acme-system', 'acme-ui')],
      daemonsets: [],
      statefulsets: [],
      services: [
        service('acme-system', 'acme-webhook', {
          'control-plane': 'acme-manager',
        }),
      ],
      validatingwebhookconfigurations: [],
      mutatingwebhookconfigurations: [
        webhookConfig('acme-mutating', [GROUP], {
          mutating: true,
          service: { namespace: 'acme-system', name: 'acme-webhook' },
        }),
      ],
    });

    it('passes an unrecognised operator with a webhook and an available controller', () => {
      const r = run(robustControllerCheck, { groups, reads: shapeReads() });
      expect(r.status).toBe('pass');
      expect(r.summary).toContain(`${GROUP}, recognised by shape`);
      expect(
        r.evidence.some(
          e =>
            e.object?.name === 'acme-manager' &&
            /webhook Service acme-system\/acme-webhook/.test(e.description),
        ),
      ).toBe(true);
      // The Service selects only the manager, not the other Deployment.
      expect(r.evidence.some(e => e.object?.name === 'acme-ui')).toBe(false);
      expect(
        r.evidence.some(e => e.object?.kind === 'MutatingWebhookConfiguration'),
      ).toBe(true);
    });

    it('fails the same operator with its controller scaled to 0, naming it', () => {
      const r = run(robustControllerCheck, {
        groups,
        reads: shapeReads(
          deployment('acme-system', 'acme-manager', {
            replicas: 0,
            podLabels: { 'control-plane': 'acme-manager' },
          }),
        ),
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toContain('Deployment acme-system/acme-manager');
      expect(r.summary).toContain('not available');
    });

    it('does not count a CRD group with neither webhook nor controller', () => {
      const r = run(robustControllerCheck, {
        groups,
        reads: {
          ...shapeReads(),
          mutatingwebhookconfigurations: [],
          deployments: [deployment('acme-system', 'acme-manager')],
        },
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toContain('none of the 1 CRD group(s)');
      expect(r.evidence.some(e => e.object?.name === 'acme-manager')).toBe(
        false,
      );
    });

    it("links a controller through the CRDs' Helm release", () => {
      const helm = {
        'meta.helm.sh/release-name': 'acme',
        'meta.helm.sh/release-namespace': 'acme-system',
      };
      const r = run(robustControllerCheck, {
        groups,
        reads: {
          ...shapeReads(),
          crds: [crd(GROUP, 'modelservers', { annotations: helm })],
          mutatingwebhookconfigurations: [],
          deployments: [
            deployment('acme-system', 'controller', { annotations: helm }),
          ],
        },
      });
      // Counted by its Helm-linked controller; partial without a webhook.
      expect(r.status).toBe('partial');
      expect(r.summary).toContain(
        'no validating or mutating admission webhook',
      );
      expect(
        r.evidence.some(e =>
          /Helm release acme-system\/acme/.test(e.description),
        ),
      ).toBe(true);
    });

    it('takes the controller in the webhook Service namespace when the Service is not listed', () => {
      const r = run(robustControllerCheck, {
        groups,
        reads: { ...shapeReads(), services: [] },
      });
      expect(r.status).toBe('pass');
      expect(
        r.evidence.some(e => e.fields?.resolvedBy === 'service-not-found'),
      ).toBe(true);
    });

    it('is partial when the webhook Service selects no workload', () => {
      const r = run(robustControllerCheck, {
        groups,
        reads: {
          ...shapeReads(),
          services: [service('acme-system', 'acme-webhook', { app: 'other' })],
          deployments: [],
        },
      });
      expect(r.status).toBe('partial');
    });

    it('skips platform infrastructure groups such as cert-manager', () => {
      const r = run(robustControllerCheck, {
        groups: { 'cert-manager.io': { v1: ['certificates'] } },
        reads: {
          crds: [crd('cert-manager.io', 'certificates')],
          deployments: [deployment('cert-manager', 'cert-manager-webhook')],
          services: [
            service('cert-manager', 'cert-manager-webhook', {
              app: 'cert-manager-webhook',
            }),
          ],
          validatingwebhookconfigurations: [
            webhookConfig('cert-manager-webhook', ['cert-manager.io'], {
              service: {
                namespace: 'cert-manager',
                name: 'cert-manager-webhook',
              },
            }),
          ],
        },
      });
      expect(r.status).toBe('fail');
    });

    it('passes a KAITO-like stack run as a managed add-on in kube-system', () => {
      // AKS v1.34 submission (cncf/k8s-ai-conformance v1.34/aks/PRODUCT.yaml)
      // cites KAITO as its AI operator.
      const r = run(robustControllerCheck, {
        groups: { 'kaito.sh': { v1beta1: ['workspaces', 'ragengines'] } },
        reads: {
          crds: [
            crd('kaito.sh', 'workspaces', { kind: 'Workspace' }),
            crd('kaito.sh', 'ragengines', { kind: 'RAGEngine' }),
          ],
          deployments: [
            deployment('kube-system', 'kaito-workspace', {
              podLabels: { app: 'ai-toolchain-operator' },
            }),
            deployment('kube-system', 'coredns'),
          ],
          daemonsets: [daemonSet('kube-system', 'ama-metrics-node')],
          services: [
            service('kube-system', 'kaito-workspace', {
              app: 'ai-toolchain-operator',
            }),
          ],
          validatingwebhookconfigurations: [
            webhookConfig('validation.workspace.kaito.sh', ['kaito.sh'], {
              service: { namespace: 'kube-system', name: 'kaito-workspace' },
            }),
          ],
        },
      });
      expect(r.status).toBe('pass');
      expect(r.summary).toContain('KAITO (kaito.sh)');
      expect(r.evidence.some(e => e.object?.name === 'coredns')).toBe(false);
    });
  });

  describe('declared components', () => {
    const GROUP = 'inference.corp.example';
    const declared = [
      {
        name: 'Corp Inference Operator',
        capability: 'ai-operator' as const,
        group: GROUP,
        controller: {
          namespace: 'corp',
          name: 'inference-manager',
          kind: 'Deployment' as const,
        },
      },
    ];
    const fixture = (available: boolean) => ({
      groups: { [GROUP]: { v1: ['inferenceservices'] } },
      reads: {
        crds: [crd(GROUP, 'inferenceservices')],
        deployments: [deployment('corp', 'inference-manager', { available })],
        validatingwebhookconfigurations: [
          webhookConfig('corp-inference', [GROUP], {
            service: { namespace: 'corp', name: 'webhook' },
          }),
        ],
      },
    });

    it('checks a declared operator and labels it declared', () => {
      const r = run(robustControllerCheck, fixture(true), {
        solutions: declared,
      });
      expect(r.status).toBe('pass');
      expect(r.summary).toContain('Corp Inference Operator');
      expect(r.summary).toContain('declared');
      expect(r.evidence.some(e => e.fields?.recognition === 'declared')).toBe(
        true,
      );
    });

    it('fails a declared operator whose controller is down', () => {
      const r = run(robustControllerCheck, fixture(false), {
        solutions: declared,
      });
      expect(r.status).toBe('fail');
      expect(r.summary).toContain(
        'declared controller Deployment corp/inference-manager is not available',
      );
    });

    it('fails a declared operator whose controller does not exist', () => {
      const f = fixture(true);
      const r = run(
        robustControllerCheck,
        { ...f, reads: { ...f.reads, deployments: [] } },
        { solutions: declared },
      );
      expect(r.status).toBe('fail');
      expect(r.summary).toContain('does not exist');
    });
  });
});
