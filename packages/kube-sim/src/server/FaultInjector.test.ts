import { FaultInjector } from './FaultInjector';

describe('FaultInjector', () => {
  it('applies a fault with times to the first matching requests only', () => {
    const faults = new FaultInjector([
      { path: '^/apis/gateway', status: 429, times: 2 },
    ]);
    expect(faults.decide('/api/v1/nodes').action).toBeUndefined();
    expect(faults.decide('/apis/gateway.networking.k8s.io/v1').action).toEqual({
      status: 429,
    });
    expect(faults.decide('/apis/gateway.networking.k8s.io/v1').action).toEqual({
      status: 429,
    });
    expect(
      faults.decide('/apis/gateway.networking.k8s.io/v1').action,
    ).toBeUndefined();
  });

  it('starts counting again when the faults are set again', () => {
    const faults = new FaultInjector([{ status: 500, times: 1 }]);
    expect(faults.decide('/version').action).toEqual({ status: 500 });
    expect(faults.decide('/version').action).toBeUndefined();
    faults.set([{ status: 500, times: 1 }]);
    expect(faults.decide('/version').action).toEqual({ status: 500 });
  });

  it('matches the query string and the Accept header when asked', () => {
    const faults = new FaultInjector([
      { query: '(^|&)continue=', status: 410, times: 1 },
      { accept: 'as=PartialObjectMetadataList', status: 406 },
    ]);
    const path = '/apis/apps/v1/deployments';
    expect(faults.decide(path, { query: 'limit=500' }).action).toBeUndefined();
    expect(
      faults.decide(path, { query: 'limit=500&continue=abc' }).action,
    ).toEqual({ status: 410 });
    expect(
      faults.decide(path, { query: 'limit=500&continue=abc' }).action,
    ).toBeUndefined();
    expect(
      faults.decide(path, {
        accept:
          'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      }).action,
    ).toEqual({ status: 406 });
    expect(
      faults.decide(path, { accept: 'application/json' }).action,
    ).toBeUndefined();
  });

  it('refuses a times that is not a positive whole number', () => {
    expect(() => new FaultInjector([{ status: 500, times: 0 }])).toThrow(
      'times must be a positive whole number, got 0',
    );
  });
});
