import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { GkeServerConfigSource } from '../gke/GkeServerConfigSource';
import { createResolveVersionAction } from './resolveVersionAction';

const base = {
  projectId: 'my-project',
  region: 'us-central1',
  releaseChannel: 'regular' as const,
  checklistVersion: '1.34' as const,
};

function fakeSource(validVersions: string[], defaultVersion?: string) {
  const getServerConfig = jest.fn(async () => ({
    validMasterVersions: validVersions,
    channels: [{ channel: 'REGULAR', defaultVersion, validVersions }],
  }));
  const source: GkeServerConfigSource = { getServerConfig };
  return { source, getServerConfig };
}

describe('ai-conformance:gke:resolve-version', () => {
  describe('without Google credentials', () => {
    const action = createResolveVersionAction({});

    it('accepts a given version at or above the certified minimum', async () => {
      const ctx = createMockActionContext({
        input: { ...base, version: '1.34.1-gke.1829001' },
      });
      await action.handler(ctx);
      expect(ctx.outputs).toEqual({
        channel: 'REGULAR',
        minimum: '1.34.0-gke.1662000',
        version: '1.34.1-gke.1829001',
        candidates: ['1.34.1-gke.1829001'],
        source: 'input',
      });
    });

    it('rejects 1.34.0-gke.1500000 naming the minimum', async () => {
      const ctx = createMockActionContext({
        input: { ...base, version: '1.34.0-gke.1500000' },
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        'GKE version 1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
      );
    });

    it('asks for a version when none is given', async () => {
      const ctx = createMockActionContext({ input: base });
      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'InputError',
        message:
          'The backend has no Google credentials to ask GKE for versions: give a GKE version at or above 1.34.0-gke.1662000',
      });
    });

    it('uses the certified minimum in a dry run without a version', async () => {
      const ctx = createMockActionContext({ input: base, isDryRun: true });
      await action.handler(ctx);
      expect(ctx.outputs.version).toBe('1.34.0-gke.1662000');
      expect(ctx.outputs.source).toBe('certified-minimum');
    });

    it.each([
      ['1.36', '1.36.4-gke.1247000', '1.36.4-gke.1246999'],
      ['1.37', '1.37.0-gke.3503000', '1.37.0-gke.3502999'],
    ])(
      'resolves checklist %s to its certified minimum %s and refuses one below',
      async (checklistVersion, minimum, below) => {
        const input = {
          ...base,
          releaseChannel: 'rapid' as const,
          checklistVersion,
        };
        const dryRun = createMockActionContext({ input, isDryRun: true });
        await action.handler(dryRun);
        expect(dryRun.outputs).toMatchObject({
          version: minimum,
          minimum,
          channel: 'RAPID',
        });
        const ctx = createMockActionContext({
          input: { ...input, version: below },
        });
        await expect(action.handler(ctx)).rejects.toThrow(
          `GKE version ${below} is below ${minimum}, the lowest AI-conformance-certified GKE version of ${checklistVersion}`,
        );
      },
    );
  });

  describe('with Google credentials', () => {
    it('picks the newest certified version the channel offers', async () => {
      const { source, getServerConfig } = fakeSource(
        ['1.34.1-gke.1829001', '1.34.0-gke.1662000', '1.34.0-gke.1500000'],
        '1.34.0-gke.1500000',
      );
      const ctx = createMockActionContext({ input: base });
      await createResolveVersionAction({ serverConfigSource: source }).handler(
        ctx,
      );
      expect(getServerConfig).toHaveBeenCalledWith({
        projectId: 'my-project',
        region: 'us-central1',
      });
      expect(ctx.outputs).toMatchObject({
        version: '1.34.1-gke.1829001',
        candidates: ['1.34.1-gke.1829001', '1.34.0-gke.1662000'],
        source: 'container-api',
      });
    });

    it('says so when the channel has nothing certified', async () => {
      const { source } = fakeSource([
        '1.34.0-gke.1500000',
        '1.33.5-gke.1080000',
      ]);
      const ctx = createMockActionContext({ input: base });
      await expect(
        createResolveVersionAction({ serverConfigSource: source }).handler(ctx),
      ).rejects.toThrow(
        'No 1.34 version on the REGULAR channel in us-central1 is at or above 1.34.0-gke.1662000, the lowest AI-conformance-certified version (offered 1.34 versions: 1.34.0-gke.1500000); try the RAPID channel or another minor',
      );
    });

    it('does not call GKE in a dry run', async () => {
      const { source, getServerConfig } = fakeSource(['1.34.1-gke.1829001']);
      const ctx = createMockActionContext({
        input: { ...base, version: '1.34.0-gke.1662000' },
        isDryRun: true,
      });
      await createResolveVersionAction({ serverConfigSource: source }).handler(
        ctx,
      );
      expect(getServerConfig).not.toHaveBeenCalled();
      expect(ctx.outputs.version).toBe('1.34.0-gke.1662000');
    });
  });

  it('documents an example and supports dry runs', () => {
    const action = createResolveVersionAction({});
    expect(action.supportsDryRun).toBe(true);
    expect(action.examples?.[0].example).toContain(
      'action: ai-conformance:gke:resolve-version',
    );
    expect(action.schema?.input).toMatchObject({
      required: expect.arrayContaining([
        'projectId',
        'region',
        'checklistVersion',
      ]),
    });
  });
});
