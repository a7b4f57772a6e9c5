/**
 * End to end against kube-sim: every bundled scenario (except the
 * large-5000 benchmark scenario) is collected once, evaluated, and the
 * status of every requirement id and the verdict are asserted. Statuses of
 * the ids come from the 1.35 checklist (dra_support, the accelerator
 * SHOULDs) and the 1.37 checklist (all other ids); the verdict from the
 * checklist of the cluster's own minor.
 */
import {
  loadScenario,
  startKubeSim,
  type KubeSim,
  type Scenario,
} from '@ai-conformance/kube-sim';
import type {
  ConformanceReport,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import { connectToCluster } from '../cluster';
import { collectSnapshot } from '../collector';
import { evaluate } from '../evaluate';
import type { ClusterSnapshot } from '../snapshot/types';

jest.setTimeout(120_000);

type Row = Record<string, RequirementStatus>;
const P = 'pass';
const F = 'fail';
const NA = 'not-applicable';
const U = 'unknown';

/** gke-1.34-conformant, the base most GKE scenarios extend. */
const GKE: Row = {
  dra_support: P,
  driver_runtime_management: P,
  gpu_sharing: F,
  virtualized_accelerator: NA,
  ai_inference: P,
  advanced_inference_ingress: F,
  high_performance_networking: F,
  disaggregated_inference: F,
  gang_scheduling: P,
  cluster_autoscaling: P,
  pod_autoscaling: P,
  accelerator_metrics: P,
  ai_service_metrics: P,
  secure_accelerator_access: P,
  workload_sandboxing: F,
  robust_controller: P,
};

/** vanilla-1.36-cpu: kubeadm, CPU only, no AI add-ons. */
const VANILLA: Row = {
  dra_support: P,
  driver_runtime_management: NA,
  gpu_sharing: NA,
  virtualized_accelerator: NA,
  ai_inference: F,
  advanced_inference_ingress: F,
  high_performance_networking: NA,
  disaggregated_inference: F,
  gang_scheduling: F,
  cluster_autoscaling: NA,
  pod_autoscaling: F,
  accelerator_metrics: F,
  ai_service_metrics: F,
  secure_accelerator_access: F,
  workload_sandboxing: F,
  robust_controller: F,
};

const ALL_UNKNOWN: Row = Object.fromEntries(
  Object.keys(GKE).map(id => [id, U]),
);

const EXPECTED: Record<
  string,
  { version: string; verdict: string; statuses: Row }
> = {
  'gke-1.34-conformant': {
    version: '1.34',
    verdict: 'conformant',
    statuses: GKE,
  },
  'gke-1.34-uncertified': {
    version: '1.34',
    verdict: 'conformant',
    statuses: GKE,
  },
  'gke-1.35-should': {
    version: '1.35',
    verdict: 'conformant',
    statuses: {
      ...GKE,
      gpu_sharing: P,
      advanced_inference_ingress: P,
      high_performance_networking: P,
      disaggregated_inference: P,
      workload_sandboxing: P,
    },
  },
  'gke-1.33': {
    version: '1.33',
    verdict: 'not-conformant',
    statuses: { ...GKE, dra_support: F, ai_inference: F, gang_scheduling: F },
  },
  'eks-1.35': { version: '1.35', verdict: 'conformant', statuses: GKE },
  'vanilla-1.36-cpu': {
    version: '1.36',
    verdict: 'not-conformant',
    statuses: VANILLA,
  },
  'restricted-rbac': {
    version: '1.34',
    verdict: 'incomplete',
    statuses: {
      ...GKE,
      gpu_sharing: U,
      virtualized_accelerator: U,
      high_performance_networking: U,
      ai_inference: U,
      disaggregated_inference: U,
      gang_scheduling: U,
      cluster_autoscaling: U,
      pod_autoscaling: U,
      accelerator_metrics: U,
      ai_service_metrics: U,
      workload_sandboxing: U,
      robust_controller: U,
    },
  },
  'adapter-down': {
    version: '1.34',
    verdict: 'not-conformant',
    statuses: { ...GKE, pod_autoscaling: F },
  },
  hanging: { version: '1.34', verdict: 'incomplete', statuses: ALL_UNKNOWN },
  'onprem-vgpu': {
    version: '1.36',
    verdict: 'not-conformant',
    statuses: {
      ...VANILLA,
      driver_runtime_management: P,
      gpu_sharing: F,
      virtualized_accelerator: P,
      high_performance_networking: F,
      secure_accelerator_access: P,
    },
  },
};

const clusterName = (scenario: string) => scenario.replace(/\./g, '-');

/**
 * Scenarios defined by this test on top of bundled ones. onprem-vgpu:
 * vanilla-1.36-cpu plus vGPU guest nodes (NVIDIA GPU Operator in a vGPU VM:
 * vGPU labels, the vGPU published as nvidia.com/gpu, the device plugin).
 */
function onPremVgpu(): Scenario {
  const s = structuredClone(loadScenario('vanilla-1.36-cpu'));
  s.name = 'onprem-vgpu';
  s.nodePools = [
    ...(s.nodePools ?? []),
    {
      name: 'vgpu-workers',
      count: 2,
      namePattern: 'vgpu-{index}',
      labels: {
        'nvidia.com/vgpu.present': 'true',
        'nvidia.com/vgpu.host-driver-version': '550.127.06',
        'nvidia.com/gpu.product': 'NVIDIA-A100-4C',
        'nvidia.com/cuda.driver-version.full': '550.127.05',
      },
      taints: [
        { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      ],
      capacity: {
        cpu: '8',
        memory: '32863400Ki',
        pods: '110',
        'nvidia.com/gpu': '1',
      },
      nodeInfo: { containerRuntimeVersion: 'containerd://2.2.0' },
    },
  ];
  s.workloads = [
    ...(s.workloads ?? []),
    {
      kind: 'DaemonSet',
      namespace: 'gpu-operator',
      name: 'nvidia-device-plugin-daemonset',
      image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.4',
      labels: { app: 'nvidia-device-plugin-daemonset' },
      nodeSelector: { 'nvidia.com/vgpu.present': 'true' },
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      ],
    },
  ];
  return s;
}

const TEST_SCENARIOS: Record<string, () => Scenario> = {
  'onprem-vgpu': onPremVgpu,
};

/**
 * gke-1.34-conformant whose webhook configurations are registered but whose
 * webhooks admit everything: the dry-run probe's invalid object is accepted.
 */
function permissiveWebhooks(): Scenario {
  const s = structuredClone(loadScenario('gke-1.34-conformant'));
  s.name = 'gke-permissive-webhooks';
  s.admission = [];
  return s;
}

describe('checks against kube-sim scenarios', () => {
  let sim: KubeSim;
  const snapshots = new Map<string, ClusterSnapshot>();

  async function collect(
    name: string,
    options: Parameters<typeof collectSnapshot>[1] = {},
  ) {
    const c = sim.cluster(name);
    const conn = await connectToCluster({
      type: 'explicit',
      name,
      url: c.server,
      caData: c.caData,
      token: c.token,
    });
    return collectSnapshot(conn, options);
  }

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [
        ...Object.keys(EXPECTED).map(s => ({
          name: clusterName(s),
          scenario: TEST_SCENARIOS[s]?.() ?? s,
        })),
        { name: 'permissive', scenario: permissiveWebhooks() },
      ],
    });
    for (const scenario of Object.keys(EXPECTED)) {
      const fast =
        scenario === 'hanging'
          ? { deadlineMs: 1500, requestTimeoutMs: 500 }
          : {};
      snapshots.set(scenario, await collect(clusterName(scenario), fast));
    }
  });

  afterAll(async () => {
    await sim?.stop();
  });

  function statuses(snapshot: ClusterSnapshot): Row {
    const row: Row = {};
    for (const v of ['1.35', '1.37']) {
      for (const r of evaluate(snapshot, { requirementsVersion: v })
        .requirements)
        row[r.id] = r.status;
    }
    return row;
  }

  describe.each(Object.entries(EXPECTED))('%s', (scenario, expected) => {
    it('gives the expected status for every requirement id', () => {
      expect(statuses(snapshots.get(scenario)!)).toEqual(expected.statuses);
    });

    it(`is ${expected.verdict} against its own checklist (${expected.version})`, () => {
      const report = evaluate(snapshots.get(scenario)!);
      expect(report.requirementsVersion).toBe(expected.version);
      expect(report.verdict).toBe(expected.verdict);
    });

    it('backs every pass with evidence and every unknown with a named read', () => {
      const results = ['1.35', '1.37'].flatMap(
        v =>
          evaluate(snapshots.get(scenario)!, { requirementsVersion: v })
            .requirements,
      );
      const bare = results.filter(
        r =>
          (r.status === 'pass' && r.evidence.length === 0) ||
          (r.status === 'unknown' && !r.errors.some(e => e.read)),
      );
      expect(bare.map(r => `${r.id}: ${r.status}`)).toEqual([]);
    });
  });

  it('shows every requirement passing, failing or N/A, and unknown in some scenario', () => {
    const seen = new Map<string, Set<RequirementStatus>>();
    for (const snapshot of snapshots.values()) {
      for (const [id, status] of Object.entries(statuses(snapshot))) {
        seen.set(id, (seen.get(id) ?? new Set()).add(status));
      }
    }
    const missing = [...seen.entries()].flatMap(([id, set]) => [
      ...(set.has('pass') ? [] : [`${id}: no pass`]),
      ...(set.has('fail') || set.has('not-applicable')
        ? []
        : [`${id}: no fail or N/A`]),
      ...(set.has('unknown') ? [] : [`${id}: no unknown`]),
    ]);
    expect(seen.size).toBe(16);
    expect(missing).toEqual([]);
  });

  const mustResults = (report: ConformanceReport) =>
    report.requirements.filter(r => r.level === 'MUST');

  it('gke-1.33 fails exactly ai_inference and gang_scheduling among its MUSTs', () => {
    const report = evaluate(snapshots.get('gke-1.33')!);
    expect(
      mustResults(report)
        .filter(r => r.status === 'fail')
        .map(r => r.id)
        .sort(),
    ).toEqual(['ai_inference', 'gang_scheduling']);
  });

  it('restricted-rbac names the forbidden reads with the permission needed, and fails nothing', () => {
    const report = evaluate(snapshots.get('restricted-rbac')!);
    expect(report.requirements.filter(r => r.status === 'fail')).toEqual([]);
    const errors = report.requirements.flatMap(r => r.errors);
    expect(errors.every(e => e.outcome === 'forbidden')).toBe(true);
    const hints = new Set(errors.map(e => e.hint));
    expect(hints).toContain(
      'needs list on customresourcedefinitions.apiextensions.k8s.io',
    );
    expect(hints).toContain('needs list on deployments.apps');
    expect(hints).toContain('needs list on apiservices.apiregistration.k8s.io');
    expect(hints).toContain(
      'needs get on configmaps (name cluster-autoscaler-status) in namespace kube-system',
    );
  });

  it('adapter-down fails pod_autoscaling on the APIService condition and changes nothing else', () => {
    const down = evaluate(snapshots.get('adapter-down')!);
    const base = evaluate(snapshots.get('gke-1.34-conformant')!);
    const pod = down.requirements.find(r => r.id === 'pod_autoscaling')!;
    expect(pod.status).toBe('fail');
    expect(pod.summary).toContain('v1beta1.custom.metrics.k8s.io');
    expect(pod.summary).toContain('FailedDiscoveryCheck');
    const cited = pod.evidence.find(
      e => e.object?.name === 'v1beta1.custom.metrics.k8s.io',
    );
    expect(cited?.fields?.['status.conditions[Available]']).toBe('False');
    const others = (r: ConformanceReport) =>
      r.requirements
        .filter(x => x.id !== 'pod_autoscaling')
        .map(x => [x.id, x.status, x.summary]);
    expect(others(down)).toEqual(others(base));
  });

  it('vanilla-1.36-cpu marks the conditional cluster_autoscaling N/A with the validator caveat', () => {
    const ca = evaluate(snapshots.get('vanilla-1.36-cpu')!).requirements.find(
      r => r.id === 'cluster_autoscaling',
    )!;
    expect(ca.status).toBe('not-applicable');
    expect(ca.notes?.join(' ')).toContain('cncf/k8s-ai-conformance#145');
  });

  describe('robust_controller dry-run probe', () => {
    it('is dry-run evidence when the webhook rejects the invalid object', async () => {
      const snapshot = await collect(clusterName('gke-1.34-conformant'), {
        dryRunProbes: true,
      });
      const rc = evaluate(snapshot).requirements.find(
        r => r.id === 'robust_controller',
      )!;
      expect(snapshot.probes['robust_controller:ray.io']?.outcome).toBe(
        'rejected',
      );
      expect(rc.status).toBe('pass');
      expect(rc.method).toBe('dry-run');
    });

    it('is partial when the invalid object passes admission', async () => {
      const snapshot = await collect('permissive', { dryRunProbes: true });
      const rc = evaluate(snapshot).requirements.find(
        r => r.id === 'robust_controller',
      )!;
      expect(snapshot.probes['robust_controller:ray.io']?.outcome).toBe(
        'accepted',
      );
      expect(rc.status).toBe('partial');
      expect(
        rc.evidence.some(e => e.fields?.['probe.outcome'] === 'accepted'),
      ).toBe(true);
    });
  });
});
