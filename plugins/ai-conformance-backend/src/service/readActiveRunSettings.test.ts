import { ConfigReader } from '@backstage/config';
import { readActiveRunSettings } from './readActiveRunSettings';

const read = (active?: object) =>
  readActiveRunSettings(
    new ConfigReader(active === undefined ? {} : { aiConformance: { active } }),
  );

describe('readActiveRunSettings', () => {
  it('is off by default, with a 20 minute deadline and 2 minute cleanup', () => {
    expect(read()).toMatchObject({
      enabled: false,
      images: {},
      deadlineMs: 20 * 60_000,
      cleanupTimeoutMs: 2 * 60_000,
    });
  });

  it('reads images, queue, pool and durations', () => {
    expect(
      read({
        enabled: true,
        images: { cuda: 'mirror.example.com/cuda:12', toolbox: 'm/busybox:1' },
        localQueue: 'team-a/gpu-queue',
        autoscalingPool: 'cloud.google.com/gke-nodepool=l4-pool',
        deadline: { minutes: 5 },
        checkDeadline: '2m',
        gangObserve: { seconds: 3 },
      }),
    ).toMatchObject({
      enabled: true,
      images: { cuda: 'mirror.example.com/cuda:12', toolbox: 'm/busybox:1' },
      localQueue: 'team-a/gpu-queue',
      autoscalingPool: 'cloud.google.com/gke-nodepool=l4-pool',
      deadlineMs: 300_000,
      checkDeadlineMs: 120_000,
      gangObserveMs: 3000,
    });
  });

  it.each([
    [{ images: { kernel: 'x' } }, /images.kernel is not an image/],
    [{ images: { cuda: 'a b' } }, /images.cuda must be an image reference/],
    [{ localQueue: 'no-namespace' }, /localQueue must be namespace\/name/],
    [{ autoscalingPool: 'pool' }, /autoscalingPool must be a node label/],
    [{ deadline: { milliseconds: 10 } }, /deadline must be at least 1000 ms/],
  ])('refuses %j', (active, message) => {
    expect(() => read(active)).toThrow(message);
  });
});
