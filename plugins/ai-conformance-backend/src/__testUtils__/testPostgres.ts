import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';

/** A throw-away PostgreSQL server started from the installed binaries. */
export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  database: string;
  stop(): Promise<void>;
}

function findBinary(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], {
    encoding: 'utf8',
  });
  const p = found.stdout.trim();
  return found.status === 0 && p ? p : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run it as an unprivileged account. */
function runAsPrefix(): string[] {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return [];
  }
  const runuser = findBinary('runuser');
  if (!runuser) {
    throw new Error(
      'Running as root and `runuser` is missing: cannot start PostgreSQL as an unprivileged user',
    );
  }
  const hasPostgresUser =
    spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).status === 0;
  return [runuser, '-u', hasPostgresUser ? 'postgres' : 'nobody', '--'];
}

function ownerIds(prefix: string[]): { uid: number; gid: number } | undefined {
  if (prefix.length === 0) return undefined;
  const user = prefix[2];
  const uid = Number(
    spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout,
  );
  const gid = Number(
    spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout,
  );
  return { uid, gid };
}

/**
 * Starts PostgreSQL from `initdb`/`postgres` in PATH in a temporary
 * directory. Throws (never skips) when the binaries are missing or the
 * server does not come up.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const initdb = findBinary('initdb');
  const postgres = findBinary('postgres');
  if (!initdb || !postgres) {
    throw new Error(
      'PostgreSQL binaries `initdb` and `postgres` are not in PATH; install PostgreSQL (e.g. apt-get install postgresql) to run the PostgreSQL store tests',
    );
  }
  const prefix = runAsPrefix();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-pg-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  const owner = ownerIds(prefix);
  if (owner) {
    fs.chownSync(root, owner.uid, owner.gid);
    fs.chownSync(dataDir, owner.uid, owner.gid);
  }
  const user = 'ai_conformance_test';
  const init = spawnSync(
    prefix[0] ?? initdb,
    [
      ...prefix.slice(1),
      ...(prefix.length ? [initdb] : []),
      '-D',
      dataDir,
      '-U',
      user,
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ],
    { encoding: 'utf8', cwd: root },
  );
  if (init.status !== 0) {
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    root,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
  ];
  const child: ChildProcess = spawn(
    prefix[0] ?? postgres,
    [...prefix.slice(1), ...(prefix.length ? [postgres] : []), ...args],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', d => {
    stderr += String(d);
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const stop = async () => {
    if (child.exitCode === null) {
      // Signal the postmaster itself: `runuser` may not forward signals.
      const pidFile = path.join(dataDir, 'postmaster.pid');
      const pid = fs.existsSync(pidFile)
        ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
        : undefined;
      try {
        if (pid) process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
      child.kill('SIGINT');
      await Promise.race([exited, new Promise(r => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    const db = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port, user, database: 'postgres' },
      pool: { min: 0, max: 1 },
    });
    try {
      await db.raw('select 1');
      await db.destroy();
      break;
    } catch (error) {
      await db.destroy();
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(
          `PostgreSQL did not start: ${String(error)}\n${stderr.slice(-2000)}`,
        );
      }
      await new Promise(r => setTimeout(r, 200));
    }
  }
  return { host: '127.0.0.1', port, user, database: 'postgres', stop };
}
