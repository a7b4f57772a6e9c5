/**
 * GPU accelerators GKE attaches to nodes, the machine types that carry each
 * one and how many GPUs a machine of that type has. Zone availability changes
 * over time and is checked at run time
 * (`gcloud compute accelerator-types list`), not here.
 *
 * @public
 */
export interface GkeAccelerator {
  /** Accelerator type as GKE names it, e.g. `nvidia-l4`. */
  type: string;
  /** Compute Engine machine series, e.g. `G2`. */
  series: string;
  /** Human-readable name for pickers. */
  title: string;
  /** Machine type → GPUs per machine, for series with fixed counts. */
  machineTypes: Readonly<Record<string, number>>;
  /**
   * For series where the GPU count is chosen per node (N1): a pattern the
   * machine type must match, the counts allowed, and the machine types the
   * template offers (`defaultMachineType` preselected).
   */
  flexible?: {
    machineTypePattern: RegExp;
    counts: readonly number[];
    offered: readonly string[];
    defaultMachineType: string;
  };
}

function series(prefix: string, counts: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(counts).map(([suffix, n]) => [`${prefix}${suffix}`, n]),
  );
}

/** @public */
export const GKE_ACCELERATORS: readonly GkeAccelerator[] = [
  {
    type: 'nvidia-l4',
    series: 'G2',
    title: 'NVIDIA L4',
    machineTypes: series('g2-standard-', {
      '4': 1,
      '8': 1,
      '12': 1,
      '16': 1,
      '32': 1,
      '24': 2,
      '48': 4,
      '96': 8,
    }),
  },
  {
    type: 'nvidia-rtx-pro-6000',
    series: 'G4',
    title: 'NVIDIA RTX PRO 6000',
    machineTypes: series('g4-standard-', {
      '48': 1,
      '96': 2,
      '192': 4,
      '384': 8,
    }),
  },
  {
    type: 'nvidia-tesla-a100',
    series: 'A2',
    title: 'NVIDIA A100 40GB',
    machineTypes: {
      ...series('a2-highgpu-', { '1g': 1, '2g': 2, '4g': 4, '8g': 8 }),
      'a2-megagpu-16g': 16,
    },
  },
  {
    type: 'nvidia-a100-80gb',
    series: 'A2 Ultra',
    title: 'NVIDIA A100 80GB',
    machineTypes: series('a2-ultragpu-', {
      '1g': 1,
      '2g': 2,
      '4g': 4,
      '8g': 8,
    }),
  },
  {
    type: 'nvidia-h100-80gb',
    series: 'A3 High',
    title: 'NVIDIA H100 80GB',
    machineTypes: series('a3-highgpu-', { '1g': 1, '2g': 2, '4g': 4, '8g': 8 }),
  },
  {
    type: 'nvidia-h100-mega-80gb',
    series: 'A3 Mega',
    title: 'NVIDIA H100 Mega 80GB',
    machineTypes: { 'a3-megagpu-8g': 8 },
  },
  {
    type: 'nvidia-h200-141gb',
    series: 'A3 Ultra',
    title: 'NVIDIA H200 141GB',
    machineTypes: { 'a3-ultragpu-8g': 8 },
  },
  {
    type: 'nvidia-b200',
    series: 'A4',
    title: 'NVIDIA B200',
    machineTypes: { 'a4-highgpu-8g': 8 },
  },
  {
    type: 'nvidia-gb200',
    series: 'A4X',
    title: 'NVIDIA GB200',
    machineTypes: { 'a4x-highgpu-4g': 4 },
  },
  {
    type: 'nvidia-tesla-t4',
    series: 'N1',
    title: 'NVIDIA T4',
    machineTypes: {},
    flexible: {
      machineTypePattern: /^n1-(?:standard|highmem|highcpu)-\d+$/,
      counts: [1, 2, 4],
      offered: [
        'n1-standard-4',
        'n1-standard-8',
        'n1-standard-16',
        'n1-standard-32',
        'n1-highmem-8',
        'n1-highmem-16',
      ],
      defaultMachineType: 'n1-standard-8',
    },
  },
];

/** The accelerator with this type, or undefined. */
export function findGkeAccelerator(type: string): GkeAccelerator | undefined {
  return GKE_ACCELERATORS.find(a => a.type === type);
}

/** The accelerator a machine type comes with (fixed-count series only). */
export function acceleratorOfMachineType(
  machineType: string,
): GkeAccelerator | undefined {
  return GKE_ACCELERATORS.find(a => machineType in a.machineTypes);
}

/**
 * GPUs per node allowed for an accelerator on a machine type: the fixed
 * count, the choices of a flexible series, or an empty list when the machine
 * type cannot carry this accelerator.
 */
export function allowedGpuCounts(
  accelerator: GkeAccelerator,
  machineType: string,
): readonly number[] {
  const fixed = accelerator.machineTypes[machineType];
  if (fixed !== undefined) return [fixed];
  if (accelerator.flexible?.machineTypePattern.test(machineType)) {
    return accelerator.flexible.counts;
  }
  return [];
}

/** Machine types listed for an accelerator (fixed-count series). */
export function machineTypesFor(accelerator: GkeAccelerator): string[] {
  return Object.keys(accelerator.machineTypes);
}

/** Machine types a picker offers for an accelerator and the one preselected. */
export function offeredMachineTypes(accelerator: GkeAccelerator): {
  machineTypes: readonly string[];
  defaultMachineType: string;
} {
  if (accelerator.flexible) {
    return {
      machineTypes: accelerator.flexible.offered,
      defaultMachineType: accelerator.flexible.defaultMachineType,
    };
  }
  const machineTypes = machineTypesFor(accelerator);
  return { machineTypes, defaultMachineType: machineTypes[0] };
}
