import { parseNvidiaSmiList } from './nvidiaSmi';

describe('parseNvidiaSmiList', () => {
  it('reads one line per GPU', () => {
    expect(
      parseNvidiaSmiList(
        'GPU 0: NVIDIA L4 (UUID: GPU-1b2c3d4e-0000-1111-2222-333344445555)\nGPU 1: NVIDIA L4 (UUID: GPU-aa)\n',
      ),
    ).toEqual({
      devices: [
        {
          index: 0,
          name: 'NVIDIA L4',
          uuid: 'GPU-1b2c3d4e-0000-1111-2222-333344445555',
        },
        { index: 1, name: 'NVIDIA L4', uuid: 'GPU-aa' },
      ],
    });
  });

  it('reads "No devices were found" as none', () => {
    expect(parseNvidiaSmiList('No devices were found\n')).toEqual({
      devices: [],
    });
  });

  it('cannot tell from an error or empty output', () => {
    expect(
      parseNvidiaSmiList('Failed to initialize NVML: Unknown Error'),
    ).toBeUndefined();
    expect(parseNvidiaSmiList('')).toBeUndefined();
  });
});
