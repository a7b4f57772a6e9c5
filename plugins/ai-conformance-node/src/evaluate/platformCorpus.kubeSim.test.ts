/**
 * The platform corpus: kube-sim scenarios built from the certified
 * submissions of the CNCF AI conformance repository
 * (`packages/kube-sim/scenarios/platforms/`, each naming its submission in
 * its header). Every scenario is collected by the real collector against a
 * running kube-sim and evaluated against its own checklist.
 *
 * - A healthy platform fails no requirement its submission claims, comes out
 *   conformant, is detected as its own platform, and its evidence names the
 *   platform's own components.
 * - A broken twin fails exactly the broken requirement, naming the broken
 *   object; every other requirement keeps the status it has on its base.
 * - A passive run stays within 40 API requests and 3 waves after /version.
 */
import {
  listScenarios,
  loadScenario,
  startKubeSim,
  type KubeSim,
} from '@ai-conformance/kube-sim';
import type {
  ConformanceReport,
  Platform,
} from '@ai-conformance/plugin-ai-conformance-common';
import { connectToCluster } from '../cluster';
import { collectSnapshot } from '../collector';
import type { ClusterSnapshot } from '../snapshot/types';
import { evaluate } from './evaluate';

jest.setTimeout(240_000);

interface Healthy {
  platform: Platform;
  /** Requirement id → text its evidence must contain (a component of the platform). */
  evidence: Record<string, string[]>;
  /** SHOULD requirements the submission does not claim (status N/A or absent in it). */
  unclaimed?: string[];
}

/** Expectations of the healthy corpus scenarios. */
const HEALTHY: Record<string, Healthy> = {
  'platforms/aks-1.34': {
    platform: 'aks',
    evidence: {
      accelerator_metrics: ['dcgm-exporter'],
      cluster_autoscaling: ['cluster-autoscaler-status'],
      robust_controller: ['kaito-workspace'],
      ai_service_metrics: ['ama-metrics'],
      pod_autoscaling: ['v1beta1.external.metrics.k8s.io'],
      ai_inference: ['istio'],
      gang_scheduling: ['kueue-controller-manager'],
    },
  },
  'platforms/openshift-1.35': {
    platform: 'openshift',
    evidence: {
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      robust_controller: ['kubeflow-trainer-controller-manager'],
      ai_service_metrics: ['prometheus-operator'],
      pod_autoscaling: ['keda-metrics-apiserver'],
      ai_inference: ['openshift-default'],
      gang_scheduling: ['kueue-controller-manager'],
      cluster_autoscaling: ['cluster-autoscaler-default'],
    },
  },
  'platforms/oke-1.35': {
    platform: 'oke',
    evidence: {
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      gang_scheduling: ['kueue-controller-manager'],
      pod_autoscaling: ['prometheus-adapter'],
      robust_controller: ['kuberay-operator'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      ai_inference: ['istio'],
      cluster_autoscaling: ['cluster-autoscaler'],
    },
  },
  'platforms/kops-1.35': {
    platform: 'kops',
    evidence: {
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      robust_controller: ['kuberay-operator'],
      ai_inference: ['cilium'],
      cluster_autoscaling: ['cluster-autoscaler'],
      gang_scheduling: ['kueue-controller-manager'],
    },
    unclaimed: ['gpu_sharing', 'virtualized_accelerator'],
  },
  'platforms/gardener-1.34': {
    platform: 'gardener',
    evidence: {
      gang_scheduling: ['kueue-controller-manager'],
      pod_autoscaling: ['prometheus-adapter'],
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      robust_controller: ['kuberay-operator'],
      ai_inference: ['traefik'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      cluster_autoscaling: ['cluster-autoscaler-status'],
    },
  },
  'platforms/rke2-1.35': {
    platform: 'rke2',
    evidence: {
      gang_scheduling: ['kueue-controller-manager'],
      robust_controller: ['kuberay-operator'],
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      ai_inference: ['traefik'],
      ai_service_metrics: ['rancher-monitoring-operator'],
      pod_autoscaling: ['rancher-monitoring-prometheus-adapter'],
    },
  },
  'platforms/ack-1.34': {
    platform: 'ack',
    evidence: {
      gang_scheduling: ['scheduling.sigs.k8s.io'],
      accelerator_metrics: ['ack-prometheus-gpu-exporter'],
      cluster_autoscaling: ['cluster-autoscaler-status'],
      ai_inference: ['ack-gateway'],
      pod_autoscaling: ['ack-alibaba-cloud-metrics-adapter'],
      ai_service_metrics: ['arms-prometheus-ack-arms-prometheus'],
      robust_controller: ['kuberay-operator'],
    },
  },
  'platforms/vks-1.35': {
    platform: 'vks',
    evidence: {
      pod_autoscaling: ['prometheus-adapter'],
      cluster_autoscaling: ['cluster-autoscaler'],
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      robust_controller: ['kuberay-operator'],
      gang_scheduling: ['kueue-controller-manager'],
      ai_inference: ['istio'],
    },
  },
  'platforms/lke-1.34': {
    platform: 'lke',
    evidence: {
      gang_scheduling: ['kueue-controller-manager'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      accelerator_metrics: ['nvidia-dcgm-exporter'],
      robust_controller: ['kuberay-operator'],
      ai_inference: ['eg'],
    },
  },
  'platforms/talos-1.34': {
    platform: 'talos',
    evidence: {
      gang_scheduling: ['kueue-controller-manager'],
      accelerator_metrics: ['dcgm-exporter'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      robust_controller: ['kuberay-operator'],
      ai_inference: ['cilium'],
    },
  },
  'platforms/cce-1.35': {
    platform: 'cce',
    evidence: {
      ai_inference: ['istio'],
      accelerator_metrics: ['dcgm-exporter'],
      ai_service_metrics: ['prometheus-operator'],
      gang_scheduling: ['volcano-scheduler'],
      robust_controller: ['training-operator'],
      pod_autoscaling: ['custom-metrics-apiserver'],
      cluster_autoscaling: ['cluster-autoscaler'],
    },
  },
  'platforms/cks-1.35': {
    platform: 'coreweave',
    evidence: {
      accelerator_metrics: ['dcgm-exporter'],
      ai_service_metrics: ['kube-prometheus-stack-operator'],
      ai_inference: ['kgateway'],
      robust_controller: ['training-operator'],
      gang_scheduling: ['kueue-controller-manager'],
    },
    unclaimed: ['gpu_sharing', 'virtualized_accelerator'],
  },
};

/**
 * Broken twins: the requirement they break, the object its evidence must
 * name, and whose remediation comes first (the platform's own, else generic).
 */
const BROKEN: Record<
  string,
  { requirement: string; object: string; remediationPlatform: string }
> = {
  'platforms/aks-1.34-kaito-down': {
    requirement: 'robust_controller',
    object: 'kaito-workspace',
    remediationPlatform: 'aks',
  },
  'platforms/aks-1.34-ama-metrics-down': {
    requirement: 'ai_service_metrics',
    object: 'ama-metrics',
    remediationPlatform: 'aks',
  },
  'platforms/openshift-1.35-gateway-not-accepted': {
    requirement: 'ai_inference',
    object: 'openshift-default',
    remediationPlatform: 'openshift',
  },
  'platforms/kops-1.35-autoscaler-down': {
    requirement: 'cluster_autoscaling',
    object: 'cluster-autoscaler',
    remediationPlatform: 'any',
  },
  'platforms/gardener-1.34-monitoring-down': {
    requirement: 'ai_service_metrics',
    object: 'kube-prometheus-stack-operator',
    remediationPlatform: 'any',
  },
};

const MAX_REQUESTS = 40;
const MAX_WAVES = 3;

const clusterName = (scenario: string) =>
  scenario.replace(/^platforms\//, '').replace(/\./g, '-');

/** The healthy scenario a broken twin extends (the twin is named after it). */
function baseOf(scenario: string): string {
  const match = Object.keys(HEALTHY).find(h => scenario.startsWith(`${h}-`));
  if (!match) throw new Error(`No base scenario for ${scenario}`);
  return match;
}

function evidenceText(report: ConformanceReport, id: string): string {
  const r = report.requirements.find(x => x.id === id);
  return r ? JSON.stringify([r.summary, r.evidence]) : '';
}

describe('platform corpus from the certified submissions', () => {
  let sim: KubeSim;
  const corpus = listScenarios('platforms');
  const snapshots = new Map<string, ClusterSnapshot>();
  const reports = new Map<string, ConformanceReport>();

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: corpus.map(s => ({ name: clusterName(s), scenario: s })),
    });
    for (const scenario of corpus) {
      const c = sim.cluster(clusterName(scenario));
      const conn = await connectToCluster({
        type: 'explicit',
        name: clusterName(scenario),
        url: c.server,
        caData: c.caData,
        token: c.token,
      });
      const snapshot = await collectSnapshot(conn);
      snapshots.set(scenario, snapshot);
      reports.set(scenario, evaluate(snapshot));
    }
    if (process.env.AIC_CORPUS_TABLE) {
      const rows = corpus.map(s => {
        const r = reports.get(s)!;
        const st = snapshots.get(s)!.stats;
        const fails = r.requirements
          .filter(x => x.status !== 'pass' && x.status !== 'not-applicable')
          .map(x => `${x.id}=${x.status}`);
        return `| ${s} | ${r.cluster.platform} | ${r.requirementsVersion} | ${
          r.verdict
        } | ${fails.join(', ') || '—'} | ${st.apiRequests} | ${st.waves} |`;
      });
      const why =
        process.env.AIC_CORPUS_TABLE === 'summaries'
          ? corpus.flatMap(s =>
              reports
                .get(s)!
                .requirements.filter(x => x.status !== 'pass')
                .map(x => `${s} ${x.id} ${x.status}: ${x.summary}`),
            )
          : [];
      // eslint-disable-next-line no-console
      console.log(
        [
          '| scenario | platform | checklist | verdict | not passing | requests | waves |',
          ...rows,
          ...why,
        ].join('\n'),
      );
    }
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('holds at least twelve platforms and four broken twins', () => {
    expect(Object.keys(HEALTHY).length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(BROKEN).length).toBeGreaterThanOrEqual(4);
    expect([...corpus].sort()).toEqual(
      [...Object.keys(HEALTHY), ...Object.keys(BROKEN)].sort(),
    );
    for (const scenario of corpus) {
      expect(loadScenario(scenario).description).toBeTruthy();
    }
  });

  describe.each(Object.entries(HEALTHY))('%s', (scenario, expected) => {
    it('fails no requirement its submission claims', () => {
      const report = reports.get(scenario)!;
      const failed = report.requirements
        .filter(
          r =>
            r.status === 'fail' && !(expected.unclaimed ?? []).includes(r.id),
        )
        .map(r => `${r.id}: ${r.summary}`);
      expect(failed).toEqual([]);
    });

    it('is conformant against its own checklist', () => {
      expect(reports.get(scenario)!.verdict).toBe('conformant');
    });

    it(`is detected as ${expected.platform}`, () => {
      expect(reports.get(scenario)!.cluster.platform).toBe(expected.platform);
    });

    it.each(Object.entries(expected.evidence))(
      'names the platform component in %s',
      (id, names) => {
        const text = evidenceText(reports.get(scenario)!, id);
        for (const name of names) expect(text).toContain(name);
      },
    );

    it(`stays within ${MAX_REQUESTS} requests and ${MAX_WAVES} waves after /version`, () => {
      const { stats } = snapshots.get(scenario)!;
      expect(stats.apiRequests).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(stats.waves).toBeLessThanOrEqual(MAX_WAVES);
    });
  });

  describe.each(Object.entries(BROKEN))('%s', (scenario, broken) => {
    it(`fails exactly ${broken.requirement}, naming ${broken.object}`, () => {
      const report = reports.get(scenario)!;
      const base = reports.get(baseOf(scenario))!;
      const target = report.requirements.find(
        r => r.id === broken.requirement,
      )!;
      expect(target.status).toBe('fail');
      expect(evidenceText(report, broken.requirement)).toContain(broken.object);
      expect(target.evidence.some(e => e.object?.name === broken.object)).toBe(
        true,
      );
      expect(target.remediation[0]?.platform).toBe(broken.remediationPlatform);
      const others = (r: ConformanceReport) =>
        r.requirements
          .filter(x => x.id !== broken.requirement)
          .map(x => [x.id, x.status]);
      expect(others(report)).toEqual(others(base));
      expect(report.verdict).toBe('not-conformant');
    });

    it(`stays within ${MAX_REQUESTS} requests and ${MAX_WAVES} waves after /version`, () => {
      const { stats } = snapshots.get(scenario)!;
      expect(stats.apiRequests).toBeLessThanOrEqual(MAX_REQUESTS);
      expect(stats.waves).toBeLessThanOrEqual(MAX_WAVES);
    });
  });
});
