// Starts the demo backend (packages/backend) straight from its sources with
// Node and Backstage's transform, without the development file watcher, so
// edits elsewhere in the repository never restart it during a measurement.
const { spawn } = require('node:child_process');
const { existsSync, openSync, readFileSync } = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');

async function startBackendProcess({ port, configs = [], logFile, env }) {
  const args = [
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    path.join(repoRoot, 'packages/backend/src/index.ts'),
  ];
  for (const c of ['app-config.yaml', ...configs]) {
    args.push('--config', path.resolve(repoRoot, c));
  }
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    cwd: path.join(repoRoot, 'packages/backend'),
    env: { ...process.env, NODE_ENV: 'development', ...env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  const baseUrl = `http://localhost:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const tail = existsSync(logFile)
        ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')
        : '';
      throw new Error(
        `backend exited (${child.exitCode ?? child.signalCode})\n${tail}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 300_000) {
      throw new Error(`backend not ready after 300 s (log: ${logFile})`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return { child, baseUrl, readyMs: Date.now() - started };
}

module.exports = { startBackendProcess };
