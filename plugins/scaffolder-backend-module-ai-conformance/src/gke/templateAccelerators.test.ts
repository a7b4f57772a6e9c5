import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  GKE_ACCELERATORS,
  allowedGpuCounts,
  findGkeAccelerator,
  machineTypesFor,
} from './gkeAccelerators';

const template = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../templates/gke-ai-conformant-cluster/template.yaml',
    ),
    'utf8',
  ),
);

function poolSchemas() {
  const steps = template.spec.parameters;
  const gpuPool = steps.find((s: any) => s.properties?.gpuPool).properties
    .gpuPool;
  const draPool = steps.find((s: any) => s.properties?.draPool).properties
    .draPool.dependencies.enabled.oneOf[1];
  return { gpuPool, draPool };
}

describe('the template follows the accelerator table', () => {
  it.each(['gpuPool', 'draPool'] as const)(
    '%s offers every accelerator with its machine types and GPU counts',
    name => {
      const pool = poolSchemas()[name];
      expect(pool.properties.accelerator.enum).toEqual(
        GKE_ACCELERATORS.map(a => a.type),
      );
      const byAccelerator = pool.dependencies.accelerator.oneOf;
      expect(byAccelerator).toHaveLength(GKE_ACCELERATORS.length);
      for (const entry of byAccelerator) {
        const accelerator = findGkeAccelerator(
          entry.properties.accelerator.enum[0],
        )!;
        const machines: string[] = entry.properties.machineType.enum;
        const flexible = accelerator.flexible;
        const expected = flexible
          ? machines.filter(m => flexible.machineTypePattern.test(m))
          : machineTypesFor(accelerator);
        expect(machines.length).toBeGreaterThan(0);
        expect(machines).toEqual(expected);
        for (const machine of machines) {
          const counts = pool.dependencies.machineType.oneOf.find(
            (m: any) => m.properties.machineType.enum[0] === machine,
          ).properties.gpusPerNode;
          expect([machine, counts.enum]).toEqual([
            machine,
            allowedGpuCounts(accelerator, machine),
          ]);
          expect(counts.default).toBe(counts.enum[0]);
        }
      }
    },
  );

  it('runs the three actions before delivering and registers the Resource', () => {
    const actions = template.spec.steps.map((s: any) => s.action);
    expect(actions).toEqual([
      'ai-conformance:gke:resolve-version',
      'ai-conformance:gke:validate',
      'ai-conformance:gke:render',
      'publish:github',
      'publish:github:pull-request',
      'ai-conformance:publish:local',
      'ai-conformance:gke:create-cluster',
      'ai-conformance:cluster:install-addons',
      'ai-conformance:cluster:register',
      'ai-conformance:check',
      'catalog:register',
      'catalog:register',
    ]);
    const local = template.spec.steps.find((s: any) => s.id === 'local');
    expect(local.if).toBe("${{ parameters.delivery == 'local' }}");
    // The gke-api steps run only for that delivery, on the validated spec.
    const validate = template.spec.steps.find((s: any) => s.id === 'validate');
    for (const id of ['cluster', 'addons', 'register-cluster']) {
      const step = template.spec.steps.find((s: any) => s.id === id);
      expect(step.if).toBe("${{ parameters.delivery == 'gke-api' }}");
      expect(step.input).toEqual(validate.input);
    }
    const prRegister = template.spec.steps.find(
      (s: any) => s.id === 'register-pull-request',
    );
    expect(prRegister.input.optional).toBe(true);
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
  });
});
