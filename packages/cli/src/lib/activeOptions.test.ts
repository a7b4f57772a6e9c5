import { activeOnlyFlags, parseActiveOptions } from './activeOptions';

describe('parseActiveOptions', () => {
  it('reads images, queue, pool and durations', () => {
    expect(
      parseActiveOptions({
        active: true,
        image: [
          'cuda=mirror.example.com/nvidia/cuda:12.9.1-base',
          'toolbox=mirror.example.com/busybox:1.36',
        ],
        localQueue: 'ml-serving/ml-batch',
        autoscalingPool: 'cloud.google.com/gke-nodepool=l4-pool',
        activeTimeout: '10m',
        checkTimeout: '90s',
        gangObserve: '5s',
      }),
    ).toEqual({
      images: {
        cuda: 'mirror.example.com/nvidia/cuda:12.9.1-base',
        toolbox: 'mirror.example.com/busybox:1.36',
      },
      localQueue: 'ml-serving/ml-batch',
      autoscalingPool: 'cloud.google.com/gke-nodepool=l4-pool',
      deadlineMs: 600_000,
      checkDeadlineMs: 90_000,
      gangObserveMs: 5000,
    });
  });

  it.each([
    [{ image: ['gpu=x'] }, 'invalid --image "gpu=x"'],
    [{ image: ['cuda='] }, 'invalid --image "cuda="'],
    [{ image: ['cuda=a b'] }, 'invalid --image "cuda=a b"'],
    [
      { localQueue: 'ml-batch' },
      'invalid --local-queue "ml-batch": use namespace/name',
    ],
    [
      { autoscalingPool: 'l4-pool' },
      'invalid --autoscaling-pool "l4-pool": use a node label key=value',
    ],
    [{ checkTimeout: 'soon' }, 'invalid duration "soon"'],
  ])('refuses %j', (flags, message) => {
    expect(() => parseActiveOptions({ active: true, ...flags })).toThrow(
      message,
    );
  });

  it('names the flags that need --active', () => {
    expect(
      activeOnlyFlags({ image: [], localQueue: 'a/b', gangObserve: '1s' }),
    ).toEqual(['--local-queue', '--gang-observe']);
    expect(activeOnlyFlags({})).toEqual([]);
  });
});
