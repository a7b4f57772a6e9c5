import { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';

const ev = (o: object) =>
  JSON.stringify({
    Time: '2026-11-01T10:00:00Z',
    Package: 'sigs.k8s.io/ai-conformance/test',
    ...o,
  });

const RESULTS = [
  'go: downloading something',
  ev({ Action: 'start' }),
  ev({ Action: 'run', Test: 'TestGangScheduling' }),
  ev({ Action: 'run', Test: 'TestGangScheduling/all_or_nothing' }),
  ev({
    Action: 'output',
    Test: 'TestGangScheduling/all_or_nothing',
    Output: '=== RUN   TestGangScheduling/all_or_nothing\n',
  }),
  ev({
    Action: 'output',
    Test: 'TestGangScheduling/all_or_nothing',
    Output: '    gang_test.go:88: 2 of 4 pods running\n',
  }),
  ev({
    Action: 'fail',
    Test: 'TestGangScheduling/all_or_nothing',
    Elapsed: 30,
  }),
  ev({ Action: 'fail', Test: 'TestGangScheduling', Elapsed: 31 }),
  ev({ Action: 'run', Test: 'TestSecureAcceleratorAccess' }),
  ev({ Action: 'pass', Test: 'TestSecureAcceleratorAccess', Elapsed: 12.5 }),
  ev({ Action: 'run', Test: 'TestAcceleratorClusterAutoscaling' }),
  ev({
    Action: 'output',
    Test: 'TestAcceleratorClusterAutoscaling',
    Output: '    autoscaling_test.go:20: no node pool label\n',
  }),
  ev({ Action: 'skip', Test: 'TestAcceleratorClusterAutoscaling', Elapsed: 0 }),
  ev({ Action: 'fail', Elapsed: 44 }),
].join('\n');

describe('parseGoTestJsonArtifact', () => {
  it('keeps the final action per test and folds subtests', () => {
    const r = parseGoTestJsonArtifact(RESULTS);
    const byName = Object.fromEntries(r.tests.map(t => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual([
      'TestAcceleratorClusterAutoscaling',
      'TestGangScheduling',
      'TestSecureAcceleratorAccess',
    ]);
    expect(byName.TestGangScheduling).toMatchObject({
      status: 'failed',
      durationSeconds: 31,
      failedSubtests: ['TestGangScheduling/all_or_nothing'],
      message: 'gang_test.go:88: 2 of 4 pods running',
    });
    expect(byName.TestSecureAcceleratorAccess).toEqual({
      name: 'TestSecureAcceleratorAccess',
      status: 'passed',
      durationSeconds: 12.5,
    });
    expect(byName.TestAcceleratorClusterAutoscaling).toMatchObject({
      status: 'skipped',
      message: 'autoscaling_test.go:20: no node pool label',
    });
  });

  it('rejects text without test events', () => {
    expect(() => parseGoTestJsonArtifact('ok  \tpkg\t0.1s\n')).toThrow(
      /no go test -json test events/,
    );
  });

  it.each([
    [{ Action: 'pass', Test: 5 }, '"Test" must be a string, got number'],
    [
      { Action: ['pass'], Test: 'TestA' },
      '"Action" must be a string, got an array',
    ],
    [
      { Action: 'pass', Test: 'TestA', Elapsed: 'slow' },
      '"Elapsed" must be a number, got string',
    ],
    [
      { Action: 'output', Test: 'TestA', Output: { x: 1 } },
      '"Output" must be a string, got object',
    ],
  ])(
    'refuses an event with a mistyped field, naming the line: %j',
    (event, what) => {
      const text = [
        ev({ Action: 'run', Test: 'TestA' }),
        JSON.stringify(event),
      ].join('\n');
      expect(() => parseGoTestJsonArtifact(text)).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: `results.json line 2: ${what}`,
        }),
      );
    },
  );
});
