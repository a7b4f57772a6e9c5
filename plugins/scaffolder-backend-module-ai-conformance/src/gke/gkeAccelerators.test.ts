import {
  GKE_ACCELERATORS,
  acceleratorOfMachineType,
  allowedGpuCounts,
  findGkeAccelerator,
  machineTypesFor,
} from './gkeAccelerators';

describe('GKE_ACCELERATORS', () => {
  it('lists each accelerator and each machine type once', () => {
    const types = GKE_ACCELERATORS.map(a => a.type);
    expect(new Set(types).size).toBe(types.length);
    const machines = GKE_ACCELERATORS.flatMap(machineTypesFor);
    expect(new Set(machines).size).toBe(machines.length);
  });

  it('gives every fixed machine type a positive power-of-two GPU count', () => {
    for (const accelerator of GKE_ACCELERATORS) {
      for (const [machine, count] of Object.entries(accelerator.machineTypes)) {
        expect([machine, Number.isInteger(Math.log2(count))]).toEqual([
          machine,
          true,
        ]);
      }
    }
  });

  it('maps G2 machine types to their L4 count', () => {
    const l4 = findGkeAccelerator('nvidia-l4')!;
    expect(allowedGpuCounts(l4, 'g2-standard-8')).toEqual([1]);
    expect(allowedGpuCounts(l4, 'g2-standard-24')).toEqual([2]);
    expect(allowedGpuCounts(l4, 'g2-standard-48')).toEqual([4]);
    expect(allowedGpuCounts(l4, 'g2-standard-96')).toEqual([8]);
  });

  it('maps A2, A3, A4 and G4 machine types', () => {
    expect(
      allowedGpuCounts(
        findGkeAccelerator('nvidia-tesla-a100')!,
        'a2-megagpu-16g',
      ),
    ).toEqual([16]);
    expect(
      allowedGpuCounts(
        findGkeAccelerator('nvidia-h100-80gb')!,
        'a3-highgpu-4g',
      ),
    ).toEqual([4]);
    expect(
      allowedGpuCounts(findGkeAccelerator('nvidia-gb200')!, 'a4x-highgpu-4g'),
    ).toEqual([4]);
    expect(
      allowedGpuCounts(
        findGkeAccelerator('nvidia-rtx-pro-6000')!,
        'g4-standard-192',
      ),
    ).toEqual([4]);
  });

  it('lets N1 machine types carry 1, 2 or 4 T4s', () => {
    const t4 = findGkeAccelerator('nvidia-tesla-t4')!;
    expect(allowedGpuCounts(t4, 'n1-standard-8')).toEqual([1, 2, 4]);
    expect(allowedGpuCounts(t4, 'n2-standard-8')).toEqual([]);
  });

  it('rejects a machine type of another series', () => {
    const h100 = findGkeAccelerator('nvidia-h100-80gb')!;
    expect(allowedGpuCounts(h100, 'g2-standard-8')).toEqual([]);
    expect(acceleratorOfMachineType('g2-standard-8')?.type).toBe('nvidia-l4');
    expect(acceleratorOfMachineType('e2-standard-4')).toBeUndefined();
    expect(findGkeAccelerator('nvidia-unknown')).toBeUndefined();
  });
});
