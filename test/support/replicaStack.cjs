// Several backends of this checkout sharing one PostgreSQL: the replicas of
// one deployment behind a load balancer, for the replica suite and the
// fleet-pass benchmark. PostgreSQL is started from `initdb`/`postgres` in
// PATH (as the store tests do); clusters come from a kube-sim server.
const fs = require('node:fs');
const path = require('node:path');
const { stringify } = require('yaml');
const { freePort, startBackend, stopProcess } = require('./stack.cjs');
const { fleetBackendConfig, writeFleetCatalog } = require('./fleetConfig.cjs');

require('@backstage/cli/config/nodeTransform.cjs');
const {
  startLocalPostgres,
} = require('../../plugins/ai-conformance-backend/src/__testUtils__/startLocalPostgres.ts');

/** The database of the AI Conformance plugin (Backstage's database per plugin). */
const PLUGIN_DATABASE = 'backstage_plugin_ai-conformance';

/** The config of one replica: its port, the shared database, the clusters. */
function writeReplicaConfig({
  dir,
  index,
  port,
  pg,
  catalogFile,
  clusters,
  aiConformance,
}) {
  const file = path.join(dir, `app-config.replica-${index}.yaml`);
  fs.writeFileSync(
    file,
    stringify(
      fleetBackendConfig({
        port,
        catalogFile,
        clusters,
        database: { client: 'pg', connection: pg.connectionString },
        aiConformance,
      }),
    ),
    { mode: 0o600 },
  );
  return file;
}

/**
 * Until the deployment's scheduled task is idle: its worker starts after
 * `initialDelay` on each replica, and a trigger only moves its next start.
 */
async function waitForIdleTask(db, taskId, timeoutMs = 600_000) {
  const started = Date.now();
  for (;;) {
    const task = await db('backstage_backend_tasks__tasks')
      .where({ id: taskId })
      .first();
    const active = await db('ai_conformance_runs')
      .whereIn('status', ['queued', 'running'])
      .count({ n: '*' });
    if (task && !task.current_run_ticket && Number(active[0].n) === 0) return;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`task ${taskId} still busy after ${timeoutMs / 1000} s`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** This replica's id, as its log names it at start. */
function replicaIdOf(logFile) {
  const m = /AI Conformance runs: replica (\S+),/.exec(
    fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '',
  );
  return m?.[1];
}

/** A guest token (every replica accepts it: the signing keys live in the database). */
async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest token: HTTP ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

/**
 * A deployment: PostgreSQL, the catalog file and `start(i)` starting
 * replica i (ports chosen once, so a replica restarts on its port).
 * `backend` holds further options of each replica's `startBackend`.
 */
async function createDeployment({
  dir,
  clusters,
  aiConformance,
  count,
  backend: backendOptions = {},
}) {
  fs.mkdirSync(dir, { recursive: true });
  const pg = await startLocalPostgres();
  const catalogFile = path.join(dir, 'catalog.yaml');
  writeFleetCatalog(catalogFile, clusters);
  const ports = [];
  for (let i = 0; i < count; i++) ports.push(await freePort());
  const replicas = [];
  let starts = 0;
  const deployment = {
    pg,
    replicas,
    /** Connection string of the plugin's own database. */
    pluginConnectionString: pg.connectionString.replace(
      /\/[^/?]*(\?|$)/,
      `/${encodeURIComponent(PLUGIN_DATABASE)}$1`,
    ),
    async start(index) {
      const port = ports[index];
      const logFile = path.join(dir, `replica-${index}-${++starts}.log`);
      const configFile = writeReplicaConfig({
        dir,
        index,
        port,
        pg,
        catalogFile,
        clusters,
        aiConformance,
      });
      const backend = await startBackend({
        ...backendOptions,
        port,
        configs: [configFile],
        logFile,
      });
      const replica = {
        index,
        ...backend,
        logFile,
        replicaId: replicaIdOf(logFile),
        token: await guestToken(backend.baseUrl),
      };
      replicas[index] = replica;
      return replica;
    },
    async stop() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const r of replicas) if (r) await stopProcess(r.child);
      await pg.stop();
    },
  };
  // Stopped, not orphaned, when this script is interrupted.
  const onSignal = () => {
    deployment.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return deployment;
}

module.exports = {
  createDeployment,
  guestToken,
  replicaIdOf,
  waitForIdleTask,
  PLUGIN_DATABASE,
};
