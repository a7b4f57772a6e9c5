import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { GkeClusterSpecInput } from '../gke/gkeClusterSpec';
import { createValidateAction } from './validateAction';

function run(overrides: Partial<GkeClusterSpecInput> = {}) {
  const ctx = createMockActionContext({
    input: exampleSpecInput(overrides) as any,
  });
  return { ctx, done: createValidateAction().handler(ctx) };
}

describe('ai-conformance:gke:validate', () => {
  it('accepts an L4 pool on a Standard cluster and reports the derived counts', async () => {
    const { ctx, done } = run({
      gpuPool: {
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-48',
        maxNodes: 3,
      },
    });
    await done;
    expect(ctx.outputs).toEqual({
      notes: [],
      gpusPerNode: 4,
      maxAccelerators: 12,
    });
  });

  it.each([
    [
      'nvidia-h100-80gb on g2-standard-8',
      {
        gpuPool: {
          accelerator: 'nvidia-h100-80gb',
          machineType: 'g2-standard-8',
        },
      },
      'GPU pool: machine type g2-standard-8 cannot carry nvidia-h100-80gb; use a3-highgpu-1g, a3-highgpu-2g, a3-highgpu-4g or a3-highgpu-8g (g2-standard-8 comes with nvidia-l4)',
    ],
    [
      'a GPU count the machine does not have',
      {
        gpuPool: {
          accelerator: 'nvidia-a100-80gb',
          machineType: 'a2-ultragpu-4g',
          gpusPerNode: 8,
        },
      },
      'GPU pool: a2-ultragpu-4g has 4 nvidia-a100-80gb GPUs per node, not 8',
    ],
    [
      'Autopilot',
      { mode: 'autopilot' as const },
      'GKE Autopilot is not supported: the certified GKE platform is a Standard cluster, and the DRA GPU path of the 1.36/1.37 checklists needs GKE Standard node pools (DRA is not available on Autopilot); choose mode "standard"',
    ],
    [
      'version 1.34.0-gke.1500000',
      { gkeVersion: '1.34.0-gke.1500000' },
      'GKE version 1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    ],
    [
      'the Gateway API off',
      { gatewayApi: false },
      'The Gateway API must be on (--gateway-api=standard, gateway_api_config CHANNEL_STANDARD): AI-conformant GKE clusters serve inference traffic through it',
    ],
    [
      'DCGM without GKE-managed drivers',
      {
        gpuPool: {
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
          driverVersion: 'disabled' as const,
        },
      },
      'Managed DCGM metrics need GKE-managed GPU drivers: set the GPU pool driver version to "latest" or "default", or turn DCGM off and run your own accelerator metrics exporter',
    ],
  ])('rejects %s', async (_name, overrides, message) => {
    const { ctx, done } = run(overrides as Partial<GkeClusterSpecInput>);
    await expect(done).rejects.toMatchObject({ name: 'InputError', message });
    expect(ctx.outputs).toEqual({});
  });

  it('lists every problem at once', async () => {
    const { done } = run({ mode: 'autopilot', gatewayApi: false });
    await expect(done).rejects.toThrow(
      /^The cluster is not AI-conformant or cannot be created:\n- GKE Autopilot is not supported: .*\n- The Gateway API must be on/,
    );
  });

  it('explains the DRA pool trade-offs in its notes', async () => {
    const { ctx, done } = run({
      draPool: {
        enabled: true,
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-8',
      },
    });
    await done;
    expect(ctx.outputs.notes).toEqual([
      expect.stringContaining(
        'you install and upgrade the NVIDIA driver yourself',
      ),
    ]);
    expect(ctx.outputs.maxAccelerators).toBe(6);
  });

  it('offers every checklist with a certified GKE version and the optional pools in its schema', () => {
    const schema = createValidateAction().schema?.input as any;
    expect(schema.properties.checklistVersion.enum).toEqual([
      '1.34',
      '1.35',
      '1.36',
      '1.37',
    ]);
    expect(schema.properties.sandboxPool.properties.enabled.type).toBe(
      'boolean',
    );
    expect(
      schema.properties.inferenceGateway.properties.gatewayClass.enum,
    ).toEqual(['gke-l7-regional-external-managed', 'gke-l7-rilb']);
  });

  it('refuses a proxy-only subnet range that is not a CIDR range', async () => {
    const { done } = run({
      inferenceGateway: { enabled: true, proxyOnlySubnetRange: '10.129.0.0' },
    });
    await expect(done).rejects.toThrow(
      'Invalid cluster input: inferenceGateway.proxyOnlySubnetRange: A subnet range looks like 10.129.0.0/23',
    );
  });

  it('publishes a JSON schema for its input and an example', () => {
    const action = createValidateAction();
    expect(action.supportsDryRun).toBe(true);
    const schema = action.schema?.input as any;
    expect(schema.properties.mode.enum).toEqual(['standard', 'autopilot']);
    expect(schema.properties.gpuPool.required).toEqual([
      'accelerator',
      'machineType',
    ]);
    expect(action.examples?.[0].example).toContain(
      'machineType: g2-standard-8',
    );
  });
});

describe('ai-conformance:gke:validate input', () => {
  it('applies defaults the scaffolder does not fill in', async () => {
    const input = exampleSpecInput();
    delete (input as any).mode;
    delete (input as any).gatewayApi;
    delete (input as any).dcgm;
    const ctx = createMockActionContext({ input: input as any });
    await createValidateAction().handler(ctx);
    expect(ctx.outputs.gpusPerNode).toBe(1);
  });

  it('reports malformed input field by field', async () => {
    const ctx = createMockActionContext({
      input: {
        ...exampleSpecInput(),
        projectId: 'X',
        gpuPool: { maxNodes: 0 },
      } as any,
    });
    await expect(createValidateAction().handler(ctx)).rejects.toThrow(
      /^Invalid cluster input: projectId: A project id has 6-30 lowercase letters.*; gpuPool\.accelerator: .*; gpuPool\.machineType: .*; gpuPool\.maxNodes: /,
    );
  });
});
