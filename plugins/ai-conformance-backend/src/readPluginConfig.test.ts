import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_SCHEDULE, readPluginConfig } from './readPluginConfig';

describe('readPluginConfig', () => {
  it('applies the documented defaults', () => {
    expect(readPluginConfig(new ConfigReader({}))).toEqual({
      schedule: DEFAULT_SCHEDULE,
      scheduleEnabled: true,
      concurrency: 8,
      clusterDeadlineMs: 120_000,
      requestTimeoutMs: 10_000,
      runsPerCluster: 100,
      uploadMaxBytes: 5 * 1024 * 1024,
      maxResponseBytes: 32 * 1024 * 1024,
      publicBadges: false,
      selfAssessmentMetadata: {},
      solutions: [],
      runs: { leaseMs: 60_000, heartbeatMs: 15_000, pollMs: 2_000 },
    });
    expect(DEFAULT_SCHEDULE.frequency).toEqual({ hours: 6 });
  });

  it('reads the run lease, heartbeat and poll interval and refuses a heartbeat too slow for the lease', () => {
    const read = (runs: object) =>
      readPluginConfig(new ConfigReader({ aiConformance: { runs } })).runs;
    expect(read({ lease: { seconds: 8 } })).toEqual({
      leaseMs: 8_000,
      heartbeatMs: 2_000,
      pollMs: 2_000,
    });
    expect(
      read({
        lease: 'PT10S',
        heartbeat: { seconds: 3 },
        pollInterval: 'PT0.5S',
      }),
    ).toEqual({ leaseMs: 10_000, heartbeatMs: 3_000, pollMs: 500 });
    expect(() =>
      read({ lease: { seconds: 10 }, heartbeat: { seconds: 6 } }),
    ).toThrow(/runs.heartbeat \(6000 ms\) must be at most half/);
    expect(() => read({ pollInterval: { milliseconds: 10 } })).toThrow(
      /runs.pollInterval must be at least 100 ms/,
    );
  });

  it('reads durations, cron schedules and limits', () => {
    const settings = readPluginConfig(
      new ConfigReader({
        aiConformance: {
          schedule: { frequency: { cron: '0 */2 * * *' }, enabled: false },
          concurrency: 3,
          clusterDeadline: 'PT30S',
          requestTimeout: { seconds: 2 },
          retention: { runsPerCluster: 5 },
          uploads: { maxBytes: 1000 },
          selfAssessment: { metadata: { vendorName: 'Example' } },
        },
      }),
    );
    expect(settings).toMatchObject({
      scheduleEnabled: false,
      concurrency: 3,
      clusterDeadlineMs: 30_000,
      requestTimeoutMs: 2_000,
      runsPerCluster: 5,
      uploadMaxBytes: 1000,
      selfAssessmentMetadata: { vendorName: 'Example' },
    });
    expect(settings.schedule).toMatchObject({
      frequency: { cron: '0 */2 * * *' },
      timeout: { hours: 1 },
    });
  });

  it('refuses a non-positive concurrency', () => {
    expect(() =>
      readPluginConfig(new ConfigReader({ aiConformance: { concurrency: 0 } })),
    ).toThrow(
      /aiConformance.concurrency|concurrency must be a positive integer/,
    );
  });

  it('reads the cap on API response bytes and refuses one no string can hold', () => {
    expect(
      readPluginConfig(
        new ConfigReader({ aiConformance: { maxResponseBytes: 1048576 } }),
      ).maxResponseBytes,
    ).toBe(1048576);
    expect(() =>
      readPluginConfig(
        new ConfigReader({ aiConformance: { maxResponseBytes: 2 ** 31 } }),
      ),
    ).toThrow(
      /aiConformance.maxResponseBytes must be a whole number of bytes from 1024/,
    );
  });

  it('reads declared solutions and refuses an invalid one with an InputError', () => {
    const settings = readPluginConfig(
      new ConfigReader({
        aiConformance: {
          solutions: [
            {
              name: 'Acme Model Operator',
              capability: 'ai-operator',
              group: 'models.acme.example',
              controller: { namespace: 'acme-system', name: 'acme-manager' },
            },
          ],
        },
      }),
    );
    expect(settings.solutions).toEqual([
      {
        name: 'Acme Model Operator',
        capability: 'ai-operator',
        group: 'models.acme.example',
        controller: {
          namespace: 'acme-system',
          name: 'acme-manager',
          kind: 'Deployment',
        },
      },
    ]);
    const bad = () =>
      readPluginConfig(
        new ConfigReader({
          aiConformance: {
            solutions: [{ name: 'x', capability: 'ai-operator' }],
          },
        }),
      );
    expect(bad).toThrow(/aiConformance.solutions.*API group/);
    expect(bad).toThrow(InputError);
  });
});
