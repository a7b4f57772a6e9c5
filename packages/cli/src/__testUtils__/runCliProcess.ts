import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** The CLI's bin script, run the way a user runs it. */
export const CLI_BIN = path.join(
  path.dirname(require.resolve('@ai-conformance/cli/package.json')),
  'bin',
  'ai-conformance',
);

/**
 * Runs `node bin/ai-conformance ...args` as a child process and collects its
 * output. The environment is the test's minus anything that would change
 * colour or kubeconfig lookup, plus `env`.
 */
export function runCliProcess(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
    cwd?: string;
  } = {},
): Promise<CliProcessResult> {
  const started = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.KUBECONFIG;
  delete env.AI_CONFORMANCE_TOKEN;
  delete env.NODE_OPTIONS;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], {
      env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', c => out.push(c));
    child.stderr.on('data', c => err.push(c));
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 60_000,
    );
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: Date.now() - started,
      });
    });
  });
}
