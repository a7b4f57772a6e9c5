import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScenario } from '../scenario/loadScenario';
import { ScenarioModel } from '../scenario/ScenarioModel';
import { ClusterStore } from '../store/ClusterStore';
import {
  DEFAULT_WORKLOAD_SETTINGS,
  resolveWorkloadSettings,
} from './WorkloadSettings';

describe('workload settings', () => {
  it('defaults to the healthy behaviour; the scenario, then the per-cluster override, win', () => {
    expect(resolveWorkloadSettings(undefined, undefined)).toEqual(
      DEFAULT_WORKLOAD_SETTINGS,
    );
    const s = resolveWorkloadSettings(
      {
        isolation: 'leaks',
        startDelayMs: 5,
        sandboxKernels: { kata: '6.6.0' },
      },
      { isolation: undefined, gang: 'partial', startDelayMs: 1 },
    );
    expect(s).toMatchObject({
      isolation: 'leaks',
      gang: 'partial',
      startDelayMs: 1,
      autoscaler: 'working',
      scaleUpDelayMs: 1000,
      sandboxKernels: { gvisor: '4.4.0', runsc: '4.4.0', kata: '6.6.0' },
    });
  });

  it('reads a `workloads:` mapping of a scenario file as its switches, and inherits them through extends', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-workloads-'));
    const file = path.join(dir, 'leaky.yaml');
    fs.writeFileSync(
      file,
      'name: leaky\nextends: gke-1.34-conformant\nworkloads:\n  isolation: leaks\n  autoscaler: stuck\n',
    );
    const child = path.join(dir, 'child.yaml');
    fs.writeFileSync(child, 'name: child\nextends: ./leaky.yaml\n');
    try {
      const leaky = loadScenario(child);
      expect(leaky.runtime).toMatchObject({
        isolation: 'leaks',
        autoscaler: 'stuck',
      });
      expect(leaky.runtime?.operatorStatus?.[0].resource).toBe('rayclusters');
      // The list of workload shorthands of the base scenario is kept.
      expect(leaky.workloads?.length).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GKE 1.37 serves DRA v1 with ResourceSlices for its DRA pool, the gVisor RuntimeClass and autoscaled pools', () => {
    const scenario = loadScenario('gke-1.37-conformant');
    const store = new ClusterStore(new ScenarioModel(scenario));
    const slices = [...store.iterate('resource.k8s.io', 'resourceslices')].map(
      ([, o]) => o,
    );
    expect(slices).toHaveLength(1);
    expect(slices[0].apiVersion).toBe('resource.k8s.io/v1');
    expect((slices[0].spec as any).nodeName).toMatch(/l4-dra-pool/);
    expect(
      store.get('node.k8s.io', 'runtimeclasses', undefined, 'gvisor')?.handler,
    ).toBe('gvisor');
    expect(
      scenario.nodePools
        ?.filter(p => p.autoscaling)
        .map(p => [p.name, p.autoscaling]),
    ).toEqual([
      ['l4-pool', { minNodeCount: 0, maxNodeCount: 4 }],
      ['l4-dra-pool', { minNodeCount: 1, maxNodeCount: 2 }],
    ]);
  });
});
