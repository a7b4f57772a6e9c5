import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { makeNode } from '../snapshot/__testUtils__/makeSnapshot';
import { acceleratorNodes } from '../checks/lib/accelerators';
import { summarizeAccelerators } from '../evaluate/summarizeAccelerators';
import { buildAcceleratorInventory } from './buildAcceleratorInventory';
import {
  ACCELERATOR_RESOURCE,
  isAcceleratorResource,
} from './acceleratorLabels';

/** Resources device plugins publish, and whether each is an accelerator. */
const RESOURCES: Array<[string, boolean]> = [
  ['nvidia.com/gpu', true],
  ['nvidia.com/gpu.shared', true],
  ['nvidia.com/mig-1g.5gb', true],
  ['nvidia.com/mig-3g.20gb', true],
  ['amd.com/gpu', true],
  ['intel.com/gpu', true],
  ['gpu.intel.com/i915', true],
  ['gpu.intel.com/xe', true],
  ['google.com/tpu', true],
  ['habana.ai/gaudi', true],
  ['aws.amazon.com/neuron', true],
  ['aws.amazon.com/neuroncore', true],
  ['aws.amazon.com/neurondevice', true],
  ['cpu', false],
  ['memory', false],
  ['ephemeral-storage', false],
  ['hugepages-2Mi', false],
  ['example.com/dongle', false],
  ['nvidia.com/gpu-extra', false],
  ['amd.com/gpux', false],
  ['google.com/tpuv5', false],
];

function nodeWith(resource: string) {
  return makeNode('n1', {
    capacity: { [resource]: '2' },
    allocatable: { [resource]: '2' },
  });
}

describe('accelerator resources', () => {
  it.each(RESOURCES)('%s: accelerator = %s', (resource, expected) => {
    expect(isAcceleratorResource(resource)).toBe(expected);
  });

  it.each(RESOURCES)(
    '%s: the checks, the report summary and the inventory agree (%s)',
    (resource, expected) => {
      const node = nodeWith(resource);
      const byChecks = acceleratorNodes([node]).some(
        a => a.resources[resource] === 2,
      );
      const bySummary = summarizeAccelerators([node]).some(
        s => s.resource === resource,
      );
      const byInventory = buildAcceleratorInventory({
        nodes: [node],
      }).totals.some(t => t.resource === resource);
      expect({ byChecks, bySummary, byInventory }).toEqual({
        byChecks: expected,
        bySummary: expected,
        byInventory: expected,
      });
    },
  );

  it('is written in one source file of the engine', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
          files.push(path);
      }
    };
    walk(root);
    // a resource name as a regular expression writes it, e.g. `amd\.com\/gpu`
    const holders = files
      .filter(f =>
        /amd\\\.com\\\/gpu|habana\\\.ai/.test(readFileSync(f, 'utf8')),
      )
      .map(f => relative(root, f));
    expect(holders).toEqual(['accelerators/acceleratorLabels.ts']);
    expect(ACCELERATOR_RESOURCE.source).toContain('intel\\.com\\/gpu');
  });
});
