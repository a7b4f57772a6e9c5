import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import type {
  AiConformanceService,
  RunFinishedListener,
} from './AiConformanceService';
import { AiConformanceServiceBroker } from './AiConformanceServiceBroker';

const run: RunRecord = {
  runId: 'r1',
  entityRef: 'resource:default/a',
  status: 'succeeded',
  trigger: 'user',
  progress: { done: 1, total: 1 },
  createdAt: '2026-01-01T00:00:00.000Z',
};

function fakeImpl(): AiConformanceService & { emit(r: RunRecord): void } {
  const listeners: RunFinishedListener[] = [];
  return {
    getLatest: jest.fn(async () => undefined),
    listLatest: jest.fn(async () => []),
    listSummaries: jest.fn(async () => []),
    requestRun: jest.fn(async () => ({ run, created: true })),
    getRun: jest.fn(async (id: string) => (id === 'r1' ? run : undefined)),
    onRunFinished(l) {
      listeners.push(l);
      return () => {};
    },
    emit(r) {
      listeners.forEach(l => l({ run: r }));
    },
  };
}

describe('AiConformanceServiceBroker', () => {
  it('makes calls wait until an implementation registers', async () => {
    const broker = new AiConformanceServiceBroker();
    const pending = broker.getRun('r1');
    const impl = fakeImpl();
    broker.register(impl);
    await expect(pending).resolves.toEqual(run);
    await expect(broker.requestRun('resource:default/a')).resolves.toEqual({
      run,
      created: true,
    });
    await broker.listSummaries();
    expect(impl.listSummaries).toHaveBeenCalledTimes(1);
  });

  it('fails clearly when nothing registers in time', async () => {
    const broker = new AiConformanceServiceBroker({
      registrationTimeoutMs: 20,
    });
    await expect(broker.listLatest()).rejects.toThrow(/did not register/);
  });

  it('refuses a second registration', () => {
    const broker = new AiConformanceServiceBroker();
    broker.register(fakeImpl());
    expect(() => broker.register(fakeImpl())).toThrow(/already registered/);
  });

  it('forwards finished runs to listeners added before and after registration', async () => {
    const broker = new AiConformanceServiceBroker();
    const early = jest.fn();
    broker.onRunFinished(early);
    const impl = fakeImpl();
    broker.register(impl);
    const late = jest.fn();
    const unsubscribe = broker.onRunFinished(late);
    impl.emit(run);
    await new Promise(r => setImmediate(r));
    expect(early).toHaveBeenCalledWith({ run });
    expect(late).toHaveBeenCalledWith({ run });
    unsubscribe();
    impl.emit(run);
    await new Promise(r => setImmediate(r));
    expect(late).toHaveBeenCalledTimes(1);
    expect(early).toHaveBeenCalledTimes(2);
  });
});
