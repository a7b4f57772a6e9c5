import {
  ContainerApiServerConfigSource,
  toGkeServerConfig,
} from './ContainerApiServerConfigSource';

describe('toGkeServerConfig', () => {
  it('maps numeric channel enums and fills missing lists', () => {
    expect(
      toGkeServerConfig({
        defaultClusterVersion: '1.34.1-gke.1829001',
        channels: [
          {
            channel: 2,
            defaultVersion: '1.34.1-gke.1829001',
            validVersions: ['1.34.1-gke.1829001'],
          },
          { channel: 'RAPID', validVersions: null },
        ],
      }),
    ).toEqual({
      defaultClusterVersion: '1.34.1-gke.1829001',
      validMasterVersions: [],
      channels: [
        {
          channel: 'REGULAR',
          defaultVersion: '1.34.1-gke.1829001',
          validVersions: ['1.34.1-gke.1829001'],
        },
        { channel: 'RAPID', defaultVersion: undefined, validVersions: [] },
      ],
    });
  });
});

describe('ContainerApiServerConfigSource', () => {
  const getServerConfig = jest.fn();
  const loadClient = jest.fn(async () => ({
    getServerConfig,
    close: jest.fn(),
  }));
  beforeEach(() => {
    getServerConfig.mockReset();
    loadClient.mockClear();
  });

  it('asks getServerConfig for the project and region, creating the client once', async () => {
    getServerConfig.mockResolvedValue([
      {
        channels: [
          { channel: 'REGULAR', validVersions: ['1.34.0-gke.1662000'] },
        ],
      },
    ]);
    const source = new ContainerApiServerConfigSource({ loadClient });
    const config = await source.getServerConfig({
      projectId: 'my-project',
      region: 'us-central1',
    });
    await source.getServerConfig({
      projectId: 'my-project',
      region: 'us-east1',
    });
    expect(getServerConfig).toHaveBeenNthCalledWith(1, {
      name: 'projects/my-project/locations/us-central1',
    });
    expect(loadClient).toHaveBeenCalledTimes(1);
    expect(config.channels[0].validVersions).toEqual(['1.34.0-gke.1662000']);
  });

  it('turns permission, not-found and other failures into typed errors', async () => {
    const source = new ContainerApiServerConfigSource({ loadClient });
    const where = { projectId: 'my-project', region: 'us-central1' };
    getServerConfig.mockRejectedValueOnce(
      Object.assign(new Error('denied'), { code: 7 }),
    );
    await expect(source.getServerConfig(where)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        'may not read GKE versions for project my-project, region us-central1',
      ),
    });
    getServerConfig.mockRejectedValueOnce(
      Object.assign(new Error('nope'), { code: 5 }),
    );
    await expect(source.getServerConfig(where)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'GKE has no server config for project my-project, region us-central1: check the project id and region',
    });
    getServerConfig.mockRejectedValueOnce(
      Object.assign(new Error('deadline exceeded'), { code: 4 }),
    );
    await expect(source.getServerConfig(where)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('deadline exceeded'),
    });
  });
});
