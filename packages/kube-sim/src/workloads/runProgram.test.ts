import { runProgram } from './runProgram';

const ctx = {
  gpus: [
    {
      index: 0,
      model: 'NVIDIA L4',
      uuid: 'GPU-00000000-0000-0000-0000-000000000001',
    },
    {
      index: 3,
      model: 'NVIDIA L4',
      uuid: 'GPU-00000000-0000-0000-0000-000000000002',
    },
  ],
  kernel: '6.6.97+',
};

describe('runProgram', () => {
  it('lists the visible GPUs numbered from 0, or none with exit code 6', () => {
    expect(runProgram(['nvidia-smi', '-L'], ctx)).toEqual({
      stdout:
        'GPU 0: NVIDIA L4 (UUID: GPU-00000000-0000-0000-0000-000000000001)\n' +
        'GPU 1: NVIDIA L4 (UUID: GPU-00000000-0000-0000-0000-000000000002)\n',
      exitCode: 0,
      runMs: 0,
    });
    expect(
      runProgram(['/usr/bin/nvidia-smi', '-L'], { ...ctx, gpus: [] }),
    ).toEqual({
      stdout: 'No devices were found\n',
      exitCode: 6,
      runMs: 0,
    });
  });

  it('answers uname -r, sleep, true and false', () => {
    expect(runProgram(['uname', '-r'], ctx).stdout).toBe('6.6.97+\n');
    expect(runProgram(['sleep', '2.5'], ctx)).toEqual({
      stdout: '',
      exitCode: 0,
      runMs: 2500,
    });
    expect(runProgram(['sleep', 'infinity'], ctx).runMs).toBeUndefined();
    expect(runProgram(['true'], ctx).exitCode).toBe(0);
    expect(runProgram(['false'], ctx).exitCode).toBe(1);
  });

  it('ends an unknown program with 127 and the runtime error naming it', () => {
    const r = runProgram(['python3', '-c', 'print(1)'], ctx);
    expect(r.exitCode).toBe(127);
    expect(r.reason).toBe('StartError');
    expect(r.message).toContain(
      'exec: "python3": executable file not found in $PATH',
    );
  });

  it('runs the commands of a shell script in order and reports a missing one as the shell does', () => {
    expect(
      runProgram(['sh', '-c', 'uname -r; nvidia-smi -L && sleep 1'], {
        ...ctx,
        gpus: [],
      }),
    ).toEqual({
      stdout: '6.6.97+\nNo devices were found\n',
      exitCode: 6,
      runMs: 0,
    });
    expect(
      runProgram(['/bin/bash', '-c', 'uname -r\ncurl x && true'], ctx),
    ).toEqual({
      stdout: '6.6.97+\nsh: 1: curl: not found\n',
      exitCode: 127,
      runMs: 0,
    });
  });

  it("runs an image's own entrypoint (no command) until stopped", () => {
    expect(runProgram([], ctx)).toEqual({
      stdout: '',
      exitCode: 0,
      runMs: undefined,
    });
  });

  it('runs a dummy exporter until stopped, exposing its gauge', () => {
    expect(
      runProgram(
        [
          './prometheus-dummy-exporter',
          '--metric-name=aic_load',
          '--metric-value=40',
          '--port=8080',
        ],
        ctx,
      ),
    ).toEqual({
      stdout: 'exposing aic_load=40\n',
      exitCode: 0,
      runMs: undefined,
      metrics: { aic_load: 40 },
    });
    expect(
      runProgram(['sd_dummy_exporter', '--metric-name', 'foo'], ctx).metrics,
    ).toEqual({ foo: 0 });
    expect(
      runProgram(['prometheus-dummy-exporter', '--metric-value=x'], ctx)
        .exitCode,
    ).toBe(2);
  });
});
