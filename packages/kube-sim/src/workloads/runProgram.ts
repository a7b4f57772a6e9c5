import type { NodeGpu } from './nodeDevices';

/** What a container sees of its node. */
export interface ProgramContext {
  /** GPUs this container was granted (or, with leaking isolation, every GPU of the node). */
  gpus: NodeGpu[];
  /** `uname -r`: the node's kernel, or the sandbox's. */
  kernel: string;
}

/** What a program did: its output, exit code and how long it ran (`undefined` = until stopped). */
export interface ProgramResult {
  stdout: string;
  exitCode: number;
  runMs: number | undefined;
  /** For a program that could not start: the container's terminated reason and message. */
  reason?: string;
  message?: string;
  /** Metrics the program exposes while it runs (name → value), e.g. a dummy exporter's gauge. */
  metrics?: Record<string, number>;
}

/** Programs that expose one constant gauge named by `--metric-name`, valued `--metric-value`. */
const EXPORTERS = new Set(['prometheus-dummy-exporter', 'sd_dummy_exporter']);

function exporter(name: string, args: string[]): ProgramResult {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) continue;
    if (m[2] !== undefined) flags.set(m[1], m[2]);
    else if (i + 1 < args.length && !args[i + 1].startsWith('-'))
      flags.set(m[1], args[++i]);
    else flags.set(m[1], 'true');
  }
  const metric = flags.get('metric-name') ?? 'foo';
  const value = Number(flags.get('metric-value') ?? '0');
  if (!/^[a-zA-Z_:][\w:.-]*$/.test(metric) || !Number.isFinite(value)) {
    return {
      stdout: `${name}: invalid --metric-name or --metric-value\n`,
      exitCode: 2,
      runMs: 0,
    };
  }
  return {
    stdout: `exposing ${metric}=${value}\n`,
    exitCode: 0,
    runMs: undefined,
    metrics: { [metric]: value },
  };
}

function notFound(argv0: string): ProgramResult {
  return {
    stdout: '',
    exitCode: 127,
    runMs: 0,
    reason: 'StartError',
    message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv0}": executable file not found in $PATH: unknown`,
  };
}

function one(argv: string[], ctx: ProgramContext): ProgramResult {
  const [cmd, ...args] = argv;
  const name = cmd.split('/').pop() ?? cmd;
  const done = (stdout: string, exitCode = 0): ProgramResult => ({
    stdout,
    exitCode,
    runMs: 0,
  });
  switch (name) {
    case 'nvidia-smi':
      if (args[0] !== '-L') return done('', 0);
      if (!ctx.gpus.length) return done('No devices were found\n', 6);
      return done(
        ctx.gpus
          .map((g, i) => `GPU ${i}: ${g.model} (UUID: ${g.uuid})\n`)
          .join(''),
      );
    case 'uname':
      return done(`${args.includes('-r') ? ctx.kernel : 'Linux'}\n`);
    case 'sleep': {
      const seconds = Number(args[0]);
      if (args[0] === 'infinity')
        return { stdout: '', exitCode: 0, runMs: undefined };
      if (!Number.isFinite(seconds) || seconds < 0)
        return done(`sleep: invalid time interval '${args[0] ?? ''}'\n`, 1);
      return { stdout: '', exitCode: 0, runMs: seconds * 1000 };
    }
    case 'true':
      return done('');
    case 'false':
      return done('', 1);
    case 'echo':
      return done(`${args.join(' ')}\n`);
    default:
      if (EXPORTERS.has(name)) return exporter(name, args);
      return notFound(cmd);
  }
}

/**
 * Runs a container's argv (`command` + `args`) against the scenario's truth. An empty argv is the
 * image's own entrypoint, a server that runs until stopped. `sh -c` / `bash -c` scripts run their
 * commands in order, separated by `;`, `&&` or new lines.
 */
export function runProgram(argv: string[], ctx: ProgramContext): ProgramResult {
  if (!argv.length) return { stdout: '', exitCode: 0, runMs: undefined };
  const shell = (argv[0].split('/').pop() ?? '').replace(/^(ba)?sh$/, 'sh');
  if (shell === 'sh' && argv[1] === '-c' && argv.length >= 3) {
    let stdout = '';
    let runMs: number | undefined = 0;
    let exitCode = 0;
    const tokens = argv[2].split(/(\n|;|&&)/);
    for (let i = 0; i < tokens.length; i += 2) {
      // `a && b`: b runs only when a succeeded; `;` and new lines always go on.
      if (i > 0 && tokens[i - 1] === '&&' && exitCode !== 0) continue;
      const words = tokens[i].trim().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const r = one(words, ctx);
      if (r.reason) {
        stdout += `sh: 1: ${words[0]}: not found\n`;
        exitCode = 127;
        continue;
      }
      stdout += r.stdout;
      runMs =
        runMs === undefined || r.runMs === undefined
          ? undefined
          : runMs + r.runMs;
      exitCode = r.exitCode;
    }
    return { stdout, exitCode, runMs };
  }
  return one(argv, ctx);
}
