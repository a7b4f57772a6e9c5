import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from './planGkeCluster';
import { SPEC_LABEL, toGkeClusterRequest } from './toGkeClusterRequest';

describe('toGkeClusterRequest', () => {
  it('describes the validated cluster as the Container API spells it', () => {
    const request = toGkeClusterRequest(planGkeCluster(exampleSpec()));
    expect(request).toMatchObject({
      name: 'gke-ai-dev',
      initialClusterVersion: '1.34.0-gke.1662000',
      releaseChannel: { channel: 'REGULAR' },
      networkConfig: { gatewayApiConfig: { channel: 'CHANNEL_STANDARD' } },
      monitoringConfig: {
        componentConfig: { enableComponents: ['SYSTEM_COMPONENTS', 'DCGM'] },
        managedPrometheusConfig: { enabled: true },
      },
      addonsConfig: { rayOperatorConfig: { enabled: true } },
    });
    const pools = request.nodePools as Array<Record<string, any>>;
    expect(pools.map(p => p.name)).toEqual(['system', 'l4-pool']);
    expect(pools[1]).toMatchObject({
      autoscaling: {
        enabled: true,
        totalMinNodeCount: 0,
        totalMaxNodeCount: 4,
      },
      config: {
        machineType: 'g2-standard-8',
        accelerators: [
          {
            acceleratorType: 'nvidia-l4',
            acceleratorCount: 1,
            gpuDriverInstallationConfig: { gpuDriverVersion: 'LATEST' },
          },
        ],
      },
    });
    expect(
      (request.autoscaling as any).resourceLimits.find(
        (l: any) => l.resourceType === 'nvidia-l4',
      ),
    ).toEqual({ resourceType: 'nvidia-l4', maximum: 4 });
  });

  it('adds the DRA pool without managed drivers, with its labels and taint', () => {
    const request = toGkeClusterRequest(
      planGkeCluster(
        exampleSpec({
          checklistVersion: '1.37',
          gkeVersion: '1.37.0-gke.3503000',
          releaseChannel: 'rapid',
          draPool: {
            enabled: true,
            accelerator: 'nvidia-l4',
            machineType: 'g2-standard-8',
          },
        }),
      ),
    );
    const dra = (request.nodePools as Array<Record<string, any>>)[2];
    expect(dra.name).toBe('l4-dra');
    expect(dra.config.accelerators[0].gpuDriverInstallationConfig).toEqual({
      gpuDriverVersion: 'INSTALLATION_DISABLED',
    });
    expect(dra.config.labels['nvidia.com/gpu.present']).toBe('true');
    expect(dra.config.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'present', effect: 'NO_SCHEDULE' },
    ]);
  });

  it('labels the request with a digest that changes with the spec only', () => {
    const digest = (spec: ReturnType<typeof exampleSpec>) =>
      (
        toGkeClusterRequest(planGkeCluster(spec)).resourceLabels as Record<
          string,
          string
        >
      )[SPEC_LABEL];
    expect(digest(exampleSpec())).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(exampleSpec())).toBe(digest(exampleSpec()));
    expect(digest(exampleSpec({ dcgm: false }))).not.toBe(
      digest(exampleSpec()),
    );
  });
});
