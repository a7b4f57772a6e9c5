import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';

/** A throw-away PostgreSQL server started from the installed binaries. */
export interface LocalPostgres {
  /** Superuser connection over a Unix socket in a private directory. */
  connectionString: string;
  /** Major version of the server, e.g. 15. */
  majorVersion: number;
  stop(): Promise<void>;
}

const USER = 'ai_conformance_test';
/** Only names the socket file: the server listens on no TCP port. */
const SOCKET_PORT = 5432;

function findBinary(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], {
    encoding: 'utf8',
  });
  const p = found.stdout.trim();
  return found.status === 0 && p ? p : undefined;
}

/**
 * PostgreSQL refuses to run as root: then run it as the `postgres` account
 * (or `nobody`) through `runuser`.
 */
function unprivilegedUser(): string | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return undefined;
  }
  const hasPostgresUser =
    spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).status === 0;
  return hasPostgresUser ? 'postgres' : 'nobody';
}

function command(
  user: string | undefined,
  binary: string,
  args: string[],
): [string, string[]] {
  if (!user) return [binary, args];
  const runuser = findBinary('runuser');
  if (!runuser) {
    throw new Error(
      'Running as root and `runuser` is missing: cannot start PostgreSQL as an unprivileged user',
    );
  }
  return [runuser, ['-u', user, '--', binary, ...args]];
}

/**
 * Starts PostgreSQL from `initdb`/`postgres` in PATH in a temporary
 * directory, reachable only through a Unix socket there. Throws when the
 * binaries are missing or the server does not come up.
 */
export async function startLocalPostgres(): Promise<LocalPostgres> {
  const initdb = findBinary('initdb');
  const postgres = findBinary('postgres');
  if (!initdb || !postgres) {
    throw new Error(
      'PostgreSQL binaries `initdb` and `postgres` are not in PATH; install PostgreSQL (e.g. apt-get install postgresql) to run the PostgreSQL store tests',
    );
  }
  const version = spawnSync(postgres, ['--version'], { encoding: 'utf8' });
  const majorVersion = Number(/\b(\d+)(?:\.\d+)?/.exec(version.stdout)?.[1]);

  const user = unprivilegedUser();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-pg-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  if (user) {
    const id = (flag: string) =>
      Number(spawnSync('id', [flag, user], { encoding: 'utf8' }).stdout);
    fs.chownSync(root, id('-u'), id('-g'));
    fs.chownSync(dataDir, id('-u'), id('-g'));
  }

  const [initCmd, initArgs] = command(user, initdb, [
    '-D',
    dataDir,
    '-U',
    USER,
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: root });
  if (init.status !== 0) {
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }

  const [pgCmd, pgArgs] = command(user, postgres, [
    '-D',
    dataDir,
    '-p',
    String(SOCKET_PORT),
    '-k',
    root,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const child = spawn(pgCmd, pgArgs, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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

  const connectionString = `postgresql://${USER}@${encodeURIComponent(
    root,
  )}:${SOCKET_PORT}/postgres`;
  const socket = path.join(root, `.s.PGSQL.${SOCKET_PORT}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!fs.existsSync(socket) && child.exitCode === null) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not start:\n${stderr.slice(-2000)}`);
      }
      await new Promise(r => setTimeout(r, 100));
      continue;
    }
    const db = knexFactory({
      client: 'pg',
      connection: connectionString,
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
  return { connectionString, majorVersion, stop };
}
