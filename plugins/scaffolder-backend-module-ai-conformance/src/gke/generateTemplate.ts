import {
  GKE_CERTIFIED_MINIMUMS,
  KUEUE_ADDON,
} from '@ai-conformance/plugin-ai-conformance-common';
import { stringify } from 'yaml';
import {
  GKE_ACCELERATORS,
  allowedGpuCounts,
  offeredMachineTypes,
} from './gkeAccelerators';
import { GKE_CHECKLIST_VERSIONS } from './gkeClusterSpec';
import {
  DEFAULT_PROXY_ONLY_SUBNET_RANGE,
  INFERENCE_GATEWAY_CLASSES,
  PROXY_ONLY_SUBNET_RANGE_PATTERN,
  INFERENCE_GATEWAY_CLASS_TITLES,
} from './gkePoolOptions';

/**
 * The template's generated sections, by name: the checklist choices follow
 * the certified GKE minimums, the accelerator pickers of the GPU and DRA
 * pools follow the accelerator table, the Kueue default follows the planned
 * add-ons, the Inference Gateway classes follow the pool options. `yarn generate:template` writes them between the
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
  const versions = [...GKE_CHECKLIST_VERSIONS];
  return {
    'checklistVersion enum': {
      enum: versions,
      enumNames: versions.map(
        v => `${v} (GKE ${GKE_CERTIFIED_MINIMUMS[v]} or later)`,
      ),
      default: versions[0],
    },
    'gpuPool accelerator': acceleratorProperty,
    'gpuPool dependencies': dependencies,
    'draPool accelerator': acceleratorProperty,
    'draPool dependencies': dependencies,
    'kueueVersion default': { default: KUEUE_ADDON.version },
    'inferenceGateway options': {
      gatewayClass: {
        title: 'GatewayClass',
        type: 'string',
        enum: [...INFERENCE_GATEWAY_CLASSES],
        enumNames: INFERENCE_GATEWAY_CLASSES.map(
          c => INFERENCE_GATEWAY_CLASS_TITLES[c],
        ),
        default: INFERENCE_GATEWAY_CLASSES[0],
      },
      proxyOnlySubnetRange: {
        title: 'Proxy-only subnet range',
        type: 'string',
        default: DEFAULT_PROXY_ONLY_SUBNET_RANGE,
        pattern: PROXY_ONLY_SUBNET_RANGE_PATTERN,
        description:
          'Terraform creates it on the default network (drop google_compute_subnetwork.proxy_only when the region already has an active one); the gcloud script creates it only when missing',
      },
    },
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
      // As the repository's prettier writes YAML.
      singleQuote: true,
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
