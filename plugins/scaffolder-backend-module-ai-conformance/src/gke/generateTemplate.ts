import { KUEUE_ADDON } from '@ai-conformance/plugin-ai-conformance-common';
import { stringify } from 'yaml';
import {
  GKE_ACCELERATORS,
  allowedGpuCounts,
  offeredMachineTypes,
} from './gkeAccelerators';

/**
 * The template's generated sections, by name: the accelerator pickers of the
 * GPU and DRA pools follow the accelerator table, the Kueue default follows
 * the planned add-ons. `yarn generate:template` writes them between the
 * template's `# BEGIN generated: <name>` and `# END generated: <name>` lines.
 */
export function templateSections(): Record<string, unknown> {
  const acceleratorProperty = {
    accelerator: {
      title: 'Accelerator',
      type: 'string',
      enum: GKE_ACCELERATORS.map(a => a.type),
      enumNames: GKE_ACCELERATORS.map(a => `${a.title} (${a.series})`),
      default: GKE_ACCELERATORS[0].type,
    },
  };
  const byAccelerator = GKE_ACCELERATORS.map(accelerator => {
    const { machineTypes, defaultMachineType } =
      offeredMachineTypes(accelerator);
    return { accelerator, machineTypes, defaultMachineType };
  });
  const dependencies = {
    dependencies: {
      accelerator: {
        oneOf: byAccelerator.map(
          ({ accelerator, machineTypes, defaultMachineType }) => ({
            properties: {
              accelerator: { enum: [accelerator.type] },
              machineType: {
                title: 'Machine type',
                type: 'string',
                enum: machineTypes,
                default: defaultMachineType,
              },
            },
          }),
        ),
      },
      machineType: {
        oneOf: byAccelerator.flatMap(({ accelerator, machineTypes }) =>
          machineTypes.map(machineType => {
            const counts = allowedGpuCounts(accelerator, machineType);
            return {
              properties: {
                machineType: { enum: [machineType] },
                gpusPerNode: {
                  title: 'GPUs per node',
                  type: 'integer',
                  enum: counts,
                  default: counts[0],
                },
              },
            };
          }),
        ),
      },
    },
  };
  return {
    'gpuPool accelerator': acceleratorProperty,
    'gpuPool dependencies': dependencies,
    'draPool accelerator': acceleratorProperty,
    'draPool dependencies': dependencies,
    'kueueVersion default': { default: KUEUE_ADDON.version },
  };
}

const MARKER = /^( *)# BEGIN generated: (.+)$/;

/**
 * The template text with every generated section rewritten from the
 * accelerator table and the planned add-ons. Throws when a section is
 * unknown, unterminated or missing, so a renamed marker cannot go stale
 * silently.
 */
export function generateTemplate(text: string): string {
  const sections = templateSections();
  const seen = new Set<string>();
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = MARKER.exec(lines[i]);
    out.push(lines[i]);
    if (!begin) continue;
    const [, indent, name] = begin;
    if (!(name in sections)) {
      throw new Error(`Unknown generated template section "${name}"`);
    }
    const end = lines.indexOf(`${indent}# END generated: ${name}`, i + 1);
    if (end < 0) throw new Error(`No end marker for "${name}"`);
    const yaml = stringify(sections[name], {
      lineWidth: 0,
      aliasDuplicateObjects: false,
    }).trimEnd();
    out.push(...yaml.split('\n').map(line => `${indent}${line}`));
    out.push(lines[end]);
    seen.add(name);
    i = end;
  }
  const missing = Object.keys(sections).filter(name => !seen.has(name));
  if (missing.length) {
    throw new Error(`Template lacks generated sections: ${missing.join(', ')}`);
  }
  return out.join('\n');
}
