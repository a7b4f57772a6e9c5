import { exampleSpec } from '../__testUtils__/exampleSpec';
import { validateGkeClusterSpec } from './validateGkeClusterSpec';

describe('validateGkeClusterSpec', () => {
  it('accepts an L4 pool on a certified Standard cluster and fills in the GPU count', () => {
    const result = validateGkeClusterSpec(exampleSpec());
    expect(result.errors).toEqual([]);
    expect(result.gpuPool).toEqual({
      name: 'l4-pool',
      accelerator: 'nvidia-l4',
      machineType: 'g2-standard-8',
      gpusPerNode: 1,
      minNodes: 0,
      maxNodes: 4,
      spot: false,
      driverVersion: 'latest',
    });
  });

  it('rejects an accelerator on a machine type of another series', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({
        gpuPool: {
          accelerator: 'nvidia-h100-80gb',
          machineType: 'g2-standard-8',
        },
      }),
    );
    expect(result.errors).toEqual([
      'GPU pool: machine type g2-standard-8 cannot carry nvidia-h100-80gb; use a3-highgpu-1g, a3-highgpu-2g, a3-highgpu-4g or a3-highgpu-8g (g2-standard-8 comes with nvidia-l4)',
    ]);
    expect(result.gpuPool).toBeUndefined();
  });

  it('rejects a GPU count the machine type does not have', () => {
    expect(
      validateGkeClusterSpec(
        exampleSpec({
          gpuPool: {
            accelerator: 'nvidia-l4',
            machineType: 'g2-standard-24',
            gpusPerNode: 1,
          },
        }),
      ).errors,
    ).toEqual([
      'GPU pool: g2-standard-24 has 2 nvidia-l4 GPUs per node, not 1',
    ]);
    expect(
      validateGkeClusterSpec(
        exampleSpec({
          gpuPool: {
            accelerator: 'nvidia-tesla-t4',
            machineType: 'n1-standard-8',
            gpusPerNode: 3,
          },
        }),
      ).errors,
    ).toEqual([
      'GPU pool: n1-standard-8 takes 1, 2 or 4 nvidia-tesla-t4 GPUs per node, not 3',
    ]);
  });

  it('rejects unknown accelerators and inverted node ranges', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({
        gpuPool: {
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
          minNodes: 5,
          maxNodes: 2,
        },
      }),
    );
    expect(result.errors).toEqual([
      'GPU pool: the minimum node count (5) exceeds the maximum (2)',
    ]);
    expect(
      validateGkeClusterSpec(
        exampleSpec({
          gpuPool: { accelerator: 'nvidia-x1', machineType: 'g2-standard-8' },
        }),
      ).errors[0],
    ).toMatch(
      /^GPU pool: unknown accelerator "nvidia-x1"; choose one of nvidia-l4, /,
    );
  });

  it('requires Standard mode, the Gateway API and a certified version, all reported at once', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({
        mode: 'autopilot',
        gatewayApi: false,
        gkeVersion: '1.34.0-gke.1500000',
      }),
    );
    expect(result.errors).toEqual([
      'GKE Autopilot is not supported: the certified GKE platform is a Standard cluster, and the DRA GPU path of the 1.36/1.37 checklists needs GKE Standard node pools (DRA is not available on Autopilot); choose mode "standard"',
      'The Gateway API must be on (--gateway-api=standard, gateway_api_config CHANNEL_STANDARD): AI-conformant GKE clusters serve inference traffic through it',
      'GKE version 1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    ]);
  });

  it('rejects a version of another minor and text that is not a GKE version', () => {
    expect(
      validateGkeClusterSpec(exampleSpec({ gkeVersion: '1.35.1-gke.2300000' }))
        .errors,
    ).toEqual([
      'GKE version 1.35.1-gke.2300000 is a 1.35 version, but the cluster targets checklist 1.34; choose a 1.34 version',
    ]);
    expect(
      validateGkeClusterSpec(exampleSpec({ gkeVersion: '1.34.2' })).errors,
    ).toEqual([
      '"1.34.2" is not a GKE version (expected MAJOR.MINOR.PATCH-gke.N, e.g. 1.34.0-gke.1662000)',
    ]);
  });

  it('requires GKE-managed drivers for DCGM', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({
        gpuPool: {
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
          driverVersion: 'disabled',
        },
      }),
    );
    expect(result.errors).toEqual([
      'Managed DCGM metrics need GKE-managed GPU drivers: set the GPU pool driver version to "latest" or "default", or turn DCGM off and run your own accelerator metrics exporter',
    ]);
    const withoutDcgm = validateGkeClusterSpec(
      exampleSpec({
        dcgm: false,
        gpuPool: {
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
          driverVersion: 'disabled',
        },
      }),
    );
    expect(withoutDcgm.errors).toEqual([]);
    expect(withoutDcgm.notes[0]).toMatch(/^Managed DCGM is off/);
  });

  it('plans a DRA pool without managed drivers and explains the trade-offs', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({
        draPool: {
          enabled: true,
          accelerator: 'nvidia-h100-80gb',
          machineType: 'a3-highgpu-8g',
          maxNodes: 2,
        },
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.draPool).toMatchObject({
      name: 'h100-80gb-dra',
      gpusPerNode: 8,
      minNodes: 0,
      maxNodes: 2,
      driverVersion: 'disabled',
    });
    expect(result.notes.join('\n')).toMatch(
      /gke-no-default-nvidia-gpu-device-plugin=true.*managed DCGM does not cover these nodes.*node auto-provisioning does not create nodes/,
    );
  });

  it('ignores a disabled DRA pool and checks an enabled one like the GPU pool', () => {
    expect(
      validateGkeClusterSpec(exampleSpec({ draPool: { enabled: false } }))
        .draPool,
    ).toBeUndefined();
    expect(
      validateGkeClusterSpec(exampleSpec({ draPool: { enabled: true } }))
        .errors,
    ).toEqual(['DRA pool: choose an accelerator type']);
  });

  it('notes a missing gang scheduler and AI operator', () => {
    const result = validateGkeClusterSpec(
      exampleSpec({ kueueVersion: '', operator: 'none' }),
    );
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([
      expect.stringMatching(/^Kueue is not installed/),
      expect.stringMatching(
        /^Neither the Ray Operator add-on nor Kubeflow Trainer/,
      ),
    ]);
  });

  it.each(['1.36', '1.37'] as const)(
    'refuses Autopilot for checklist %s with a reason naming DRA and Standard mode',
    minor => {
      const result = validateGkeClusterSpec(
        exampleSpec({
          mode: 'autopilot',
          checklistVersion: minor,
          gkeVersion: {
            '1.36': '1.36.4-gke.1247000',
            '1.37': '1.37.0-gke.3503000',
          }[minor],
          draPool: {
            enabled: true,
            accelerator: 'nvidia-l4',
            machineType: 'g2-standard-8',
          },
        }),
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/^GKE Autopilot is not supported: /);
      expect(result.errors[0]).toContain('DRA');
      expect(result.errors[0]).toContain('Standard');
      expect(result.errors[0]).toContain('choose mode "standard"');
    },
  );

  it('accepts the certified minimums of 1.36 and 1.37 and refuses one below', () => {
    for (const [minor, version] of [
      ['1.36', '1.36.4-gke.1247000'],
      ['1.37', '1.37.0-gke.3503000'],
    ] as const) {
      expect(
        validateGkeClusterSpec(
          exampleSpec({ checklistVersion: minor, gkeVersion: version }),
        ).errors,
      ).toEqual([]);
    }
    expect(
      validateGkeClusterSpec(
        exampleSpec({
          checklistVersion: '1.37',
          gkeVersion: '1.37.0-gke.3502999',
        }),
      ).errors,
    ).toEqual([
      'GKE version 1.37.0-gke.3502999 is below 1.37.0-gke.3503000, the lowest AI-conformance-certified GKE version of 1.37',
    ]);
  });

  it('explains the sandbox pool and the Inference Gateway in notes', () => {
    const { errors, notes } = validateGkeClusterSpec(
      exampleSpec({
        sandboxPool: { enabled: true },
        inferenceGateway: { enabled: true },
      }),
    );
    expect(errors).toEqual([]);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/runtimeClassName: gvisor in GKE Sandbox/),
        expect.stringMatching(
          /gke-l7-regional-external-managed Gateway needs an active proxy-only subnet in us-central1 .*10\.129\.0\.0\/23/,
        ),
      ]),
    );
  });
});
