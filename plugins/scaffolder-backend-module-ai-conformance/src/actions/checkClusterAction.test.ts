import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { loadClientNode } from '@ai-conformance/plugin-ai-conformance-node';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { startGkeDouble } from '../__testUtils__/containerApiSim';
import { EngineService } from '../__testUtils__/engineService';
import { fileCatalog } from '../__testUtils__/fileCatalog';
import {
  createCheckClusterAction,
  normalizeEntityRef,
} from './checkClusterAction';
import { createGkeCreateClusterAction } from './gkeCreateClusterAction';
import { createInstallAddonsAction } from './installAddonsAction';
import { createRegisterClusterAction } from './registerClusterAction';

jest.setTimeout(90_000);

/** One L4 node from the start: the accelerator checks need a GPU node to see. */
const gpuNode = {
  accelerator: 'nvidia-l4',
  machineType: 'g2-standard-8',
  minNodes: 1,
  maxNodes: 4,
};

/**
 * The gke-api delivery's steps in order (create, install add-ons, register,
 * check) on the Container API double, with the real check engine.
 */
describe('ai-conformance:check after the gke-api steps', () => {
  let double: Awaited<ReturnType<typeof startGkeDouble>>;
  let catalog: ReturnType<typeof fileCatalog>;
  let service: EngineService;

  beforeAll(async () => {
    await loadClientNode();
    double = await startGkeDouble();
    catalog = fileCatalog(
      fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-clusters-')),
    );
    service = new EngineService(async entityRef => {
      const entity = await catalog.catalog.getEntityByRef(entityRef, {
        credentials: undefined as any,
      });
      const annotations = entity!.metadata.annotations!;
      return {
        url: annotations['kubernetes.io/api-server'],
        caData: annotations['kubernetes.io/api-server-certificate-authority'],
        token: double.sim.accessToken(),
        requirementsVersion:
          entity!.metadata.labels!['ai-conformance.io/target-version'],
      };
    });
  });

  afterAll(async () => {
    await double?.stop();
  });

  async function deliver(input: ReturnType<typeof exampleSpecInput>) {
    const steps = [
      createGkeCreateClusterAction({
        containerApi: double.containerApi,
        pollIntervalMs: 50,
      }),
      createInstallAddonsAction({
        containerApi: double.containerApi,
        manifests: {
          mirrorDirectory: path.resolve(__dirname, '../../addon-mirror'),
          manifestUrls: {},
        },
        pollIntervalMs: 100,
        readyTimeoutMs: 20_000,
      }),
      createRegisterClusterAction({
        containerApi: double.containerApi,
        settings: {
          directory: path.dirname(catalog.target),
          authProvider: 'googleServiceAccount',
        },
        catalog: catalog.catalog,
        auth: mockServices.auth(),
        pollIntervalMs: 10,
      }),
    ];
    for (const step of steps) {
      await step.handler(createMockActionContext({ input }) as any);
    }
    const ctx = createMockActionContext({
      input: { entityRef: `resource:default/${input.name}` },
    });
    const check = createCheckClusterAction({
      service,
      permissions: mockServices.permissions(),
      pollIntervalMs: 50,
    });
    return { ctx, run: () => check.handler(ctx as any) };
  }

  it('passes on a cluster with the add-ons: conformant', async () => {
    const { ctx, run } = await deliver(
      exampleSpecInput({ name: 'gke-conformant', gpuPool: gpuNode }),
    );
    await run();
    expect(ctx.outputs).toMatchObject({
      verdict: 'conformant',
      failingMusts: [],
    });
    expect(
      (ctx.logger.info as jest.Mock).mock.calls.map(c => String(c[0])),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Started AI Conformance run run-\d+ of resource:default\/gke-conformant$/,
        ),
        expect.stringMatching(
          /^Verdict: conformant \(\d+ of \d+ MUST requirements met, checklist 1\.34\)$/,
        ),
      ]),
    );
  });

  it('fails naming the failing MUSTs when the add-ons are skipped, and the run is stored', async () => {
    const { ctx, run } = await deliver(
      exampleSpecInput({
        name: 'gke-no-addons',
        kueueVersion: '',
        gpuPool: gpuNode,
      }),
    );
    await expect(run()).rejects.toMatchObject({
      name: 'InputError',
      message:
        'resource:default/gke-no-addons is not-conformant (failing MUSTs: gang_scheduling); its AI Conformance tab shows the evidence and the remediation of each',
    });
    expect(ctx.outputs.failingMusts).toEqual(['gang_scheduling']);
    const latest = await service.getLatest('resource:default/gke-no-addons');
    expect(latest?.report?.verdict).toBe('not-conformant');
  });

  it('fails with the reason when the run itself fails', async () => {
    const ctx = createMockActionContext({
      input: { entityRef: 'resource:default/not-registered' },
    });
    await expect(
      createCheckClusterAction({
        service,
        permissions: mockServices.permissions(),
        pollIntervalMs: 50,
      }).handler(ctx as any),
    ).rejects.toThrow(
      /^The AI Conformance run of resource:default\/not-registered failed: /,
    );
  });

  it("starts no run without the user's ai-conformance.run.create on the cluster", async () => {
    const runs = service.runs.size;
    const denied = createCheckClusterAction({
      service,
      permissions: mockServices.permissions.mock({
        authorize: async () => [{ result: 'DENY' as any }],
      }),
    });
    await expect(
      denied.handler(
        createMockActionContext({
          input: { entityRef: 'resource:default/gke-conformant' },
        }) as any,
      ),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Not allowed: ai-conformance.run.create on resource:default/gke-conformant',
    });
    expect(service.runs.size).toBe(runs);
  });

  it('normalizes entity refs and refuses malformed ones', () => {
    expect(normalizeEntityRef('gke-a')).toBe('resource:default/gke-a');
    expect(normalizeEntityRef('team/gke-a')).toBe('resource:team/gke-a');
    expect(normalizeEntityRef('Resource:default/gke-a')).toBe(
      'resource:default/gke-a',
    );
    expect(() => normalizeEntityRef('a:b:c')).toThrow('Invalid entityRef');
  });
});
