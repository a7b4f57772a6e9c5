#!/usr/bin/env node
// Replica suite: three backends of this checkout on one PostgreSQL share
// the runs of 200 kube-sim clusters. A scheduled pass gives every cluster
// exactly one run with each replica executing at least 20 % of them; a
// replica killed with SIGKILL mid-pass leaves no cluster without a run, no
// duplicate, and its runs are failed once their lease expires (at most two
// leases), while a restarting replica leaves the others' runs alone; a run
// started through one replica is read with its progress through another,
// and concurrent starts through two replicas create one run.
// Prints one line per test and `replicas: N passed, M failed`.
//
//   node test/replicas/run.mjs [--clusters 200]
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import knexFactory from 'knex';

const require = createRequire(import.meta.url);
const {
  createDeployment,
  waitForIdleTask,
} = require('../support/replicaStack.cjs');
const { startKubeSim } = require('../../packages/kube-sim/src/index.ts');
const { stopProcess } = require('../support/stack.cjs');
const { createScriptTests } = require('../support/scriptTests.cjs');

const argIndex = process.argv.indexOf('--clusters');
const CLUSTERS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 200;
const REPLICAS = 3;
const LEASE_MS = 6_000;
const TASK = 'ai-conformance-checks';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-replicas-'));
const { test, fail, summary } = createScriptTests('replicas');
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function until(what, check, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${what}: not after ${timeoutMs / 1000} s`);
    }
    await sleep(500);
  }
}

function client(replica) {
  return async (method, p, body) => {
    const r = await fetch(`${replica.baseUrl}${p}`, {
      method,
      headers: {
        authorization: `Bearer ${replica.token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, json, text };
  };
}

async function main() {
  const sim = await startKubeSim({
    clusters: Array.from({ length: CLUSTERS }, (_, i) => ({
      name: `rep-${String(i).padStart(3, '0')}`,
      scenario: ['gke-1.34-conformant', 'eks-1.35', 'vanilla-1.36-cpu'][i % 3],
      // Slow enough that a pass lasts a while and progress can be watched.
      faults: [{ latencyMs: 25, jitterMs: 10 }],
    })),
    metrics: false,
  });
  const clusters = sim.clusters;
  const deployment = await createDeployment({
    dir,
    clusters,
    count: REPLICAS,
    aiConformance: {
      concurrency: 3,
      clusterDeadline: { seconds: 60 },
      requestTimeout: { seconds: 10 },
      runs: {
        lease: { milliseconds: LEASE_MS },
        heartbeat: { milliseconds: 1_000 },
        pollInterval: { milliseconds: 300 },
      },
      schedule: {
        // The first pass, at start-up, meets an empty catalog; the
        // measured pass is triggered once the catalog is complete.
        initialDelay: { seconds: 1 },
        frequency: { hours: 6 },
        timeout: { minutes: 30 },
      },
    },
  });
  const db = knexFactory({
    client: 'pg',
    connection: deployment.pluginConnectionString,
    pool: { min: 0, max: 2 },
  });
  try {
    // The first replica creates the databases, then the others join.
    const first = await deployment.start(0);
    await Promise.all([deployment.start(1), deployment.start(2)]);
    const replicas = deployment.replicas;
    const ids = replicas.map(r => r.replicaId);
    console.log(`# replicas ${ids.join(', ')}`);
    const api = client(first);
    await until(
      'catalog holds every cluster',
      async () => {
        const r = await api(
          'GET',
          '/api/catalog/entities/by-query?filter=kind%3Dresource%2Cspec.type%3Dkubernetes-cluster&limit=1',
        );
        return r.json?.totalItems >= CLUSTERS;
      },
      300_000,
    );
    const refOf = c => `resource:default/${c.name}`;
    const runsSince = async since =>
      db('ai_conformance_runs')
        .select([
          'run_id',
          'entity_ref',
          'status',
          'owner_replica',
          'error',
          'created_at',
          'finished_at',
        ])
        .where('created_at', '>=', since)
        .where({ trigger: 'schedule' });
    const trigger = async replica => {
      const r = await client(replica)(
        'POST',
        `/api/ai-conformance/.backstage/scheduler/v1/tasks/${TASK}/trigger`,
      );
      assert.ok(r.status < 300, `trigger: HTTP ${r.status} ${r.text}`);
    };
    const passOver = since =>
      until(
        'the pass is over',
        async () => {
          const rows = await runsSince(since);
          return (
            rows.length >= CLUSTERS &&
            rows.every(r => r.status !== 'queued' && r.status !== 'running') &&
            rows
          );
        },
        600_000,
      );

    let pass1;
    await test(`a scheduled pass over ${CLUSTERS} clusters finishes`, async () => {
      await waitForIdleTask(db, TASK);
      const since = new Date().toISOString();
      await trigger(replicas[1]);
      pass1 = await passOver(since);
    });
    await test('every cluster has exactly one run of the pass', async () => {
      assert.ok(pass1);
      const perCluster = new Map();
      for (const r of pass1)
        perCluster.set(r.entity_ref, (perCluster.get(r.entity_ref) ?? 0) + 1);
      assert.equal(perCluster.size, CLUSTERS);
      assert.ok(
        [...perCluster.values()].every(n => n === 1),
        'no duplicate',
      );
      for (const c of clusters)
        assert.equal(perCluster.get(refOf(c)), 1, c.name);
      const failed = pass1.filter(r => r.status !== 'succeeded');
      assert.equal(failed.length, 0, JSON.stringify(failed.slice(0, 3)));
    });
    await test('each replica executed at least 20 % of the runs', async () => {
      assert.ok(pass1);
      const share = ids.map(
        id => pass1.filter(r => r.owner_replica === id).length,
      );
      console.log(`# runs per replica: ${share.join(', ')}`);
      assert.equal(
        share.reduce((a, b) => a + b, 0),
        CLUSTERS,
        'every run names its replica',
      );
      for (const n of share) assert.ok(n >= 0.2 * CLUSTERS, `${share}`);
    });

    await test('a run started through one replica is read with live progress through another', async () => {
      const target = clusters[0].name;
      const started = await client(replicas[0])(
        'POST',
        `/api/ai-conformance/clusters/default/${target}/runs`,
        {},
      );
      assert.equal(started.status, 202, started.text);
      const { runId } = started.json;
      const other = client(replicas[2]);
      const seen = await until(
        'progress seen through the other replica',
        async () => {
          const r = await other('GET', `/api/ai-conformance/runs/${runId}`);
          assert.equal(r.status, 200, r.text);
          return (
            (r.json.status === 'running' &&
              r.json.progress?.total > 0 &&
              r.json) ||
            (r.json.status === 'succeeded'
              ? { finishedFirst: true }
              : undefined)
          );
        },
        60_000,
      );
      assert.ok(
        !seen.finishedFirst,
        'the run finished before any progress was seen',
      );
      assert.ok(seen.progress.done <= seen.progress.total);
      const done = await until(
        'the run finishes',
        async () => {
          const r = await other('GET', `/api/ai-conformance/runs/${runId}`);
          return r.json?.status === 'succeeded' && r.json;
        },
        60_000,
      );
      assert.equal(done.progress.done, done.progress.total);
      const [row] = await db('ai_conformance_runs').where({ run_id: runId });
      assert.equal(
        row.owner_replica,
        ids[0],
        'executed by the replica that got the request',
      );
    });
    await test('concurrent starts through two replicas create one run', async () => {
      const target = clusters[1].name;
      // Slow enough that the run is still active when the last start arrives.
      clusters[1].setFaults([{ latencyMs: 400 }]);
      const answers = await Promise.all(
        [0, 1, 0, 1].map(i =>
          client(replicas[i])(
            'POST',
            `/api/ai-conformance/clusters/default/${target}/runs`,
            {},
          ),
        ),
      );
      for (const a of answers) assert.ok([200, 202].includes(a.status), a.text);
      assert.equal(
        answers.filter(a => a.status === 202).length,
        1,
        answers.map(a => a.status).join(),
      );
      assert.equal(new Set(answers.map(a => a.json.runId)).size, 1);
      const active = await db('ai_conformance_runs')
        .where({ entity_ref: refOf(clusters[1]) })
        .whereIn('status', ['queued', 'running']);
      assert.ok(active.length <= 1);
      clusters[1].setFaults([{ latencyMs: 25, jitterMs: 10 }]);
    });

    let pass2;
    let killedAt;
    let killedRunning = [];
    let restartedAt;
    let restarted;
    await test('a replica killed with SIGKILL mid-pass: the pass still ends', async () => {
      // Runs started by the previous tests end first (a cluster with an
      // active run gets no scheduled run).
      await until(
        'no active run',
        async () =>
          (
            await db('ai_conformance_runs').whereIn('status', [
              'queued',
              'running',
            ])
          ).length === 0,
        120_000,
      );
      // Slower clusters: the pass lasts longer than a replica's restart.
      for (const c of clusters) c.setFaults([{ latencyMs: 300, jitterMs: 50 }]);
      const since = new Date().toISOString();
      await trigger(replicas[0]);
      const victim = replicas[2];
      // Killed once the pass is queued (whichever replica queues it) and
      // the victim executes runs of it.
      await until(
        'the pass is queued and the victim executes runs',
        async () => {
          const rows = await runsSince(since);
          return (
            rows.length >= CLUSTERS &&
            rows.some(
              r =>
                r.owner_replica === victim.replicaId && r.status === 'running',
            )
          );
        },
        120_000,
      );
      process.kill(-victim.child.pid, 'SIGKILL');
      killedAt = Date.now();
      await stopProcess(victim.child);
      killedRunning = await db('ai_conformance_runs')
        .where('created_at', '>=', since)
        .where({ owner_replica: victim.replicaId })
        .whereIn('status', ['queued', 'running']);
      // Restart it while the others execute runs.
      restartedAt = Date.now();
      restarted = await deployment.start(2);
      const liveAtRestart = await db('ai_conformance_runs')
        .whereIn('owner_replica', [ids[0], ids[1]])
        .whereIn('status', ['queued', 'running']);
      console.log(
        `# when the restarted replica was ready, the live replicas had ${liveAtRestart.length} active run(s)`,
      );
      assert.ok(
        liveAtRestart.length > 0,
        'the restart overlapped runs of the live replicas',
      );
      pass2 = await passOver(since);
    });
    await test('its runs were failed as interrupted within two leases; no duplicate, every cluster has a run', async () => {
      assert.ok(pass2);
      assert.ok(killedRunning.length > 0, 'the killed replica held runs');
      for (const held of killedRunning) {
        const row = pass2.find(r => r.run_id === held.run_id);
        assert.equal(row.status, 'failed', held.run_id);
        assert.match(row.error, /Interrupted/);
        const after = Date.parse(row.finished_at) - killedAt;
        assert.ok(after <= 2 * LEASE_MS, `failed ${after} ms after the kill`);
      }
      const perCluster = new Map();
      for (const r of pass2)
        perCluster.set(r.entity_ref, (perCluster.get(r.entity_ref) ?? 0) + 1);
      assert.equal(perCluster.size, CLUSTERS);
      assert.ok(
        [...perCluster.values()].every(n => n === 1),
        'no duplicate',
      );
    });
    await test('the restarted replica failed no run another replica was executing', async () => {
      assert.ok(pass2 && restarted);
      const interrupted = pass2.filter(r => /Interrupted/.test(r.error ?? ''));
      const killedId = ids[2];
      for (const r of interrupted)
        assert.equal(r.owner_replica, killedId, r.run_id);
      const live = pass2.filter(
        r => r.owner_replica === ids[0] || r.owner_replica === ids[1],
      );
      assert.ok(live.length > 0);
      assert.ok(
        live.every(r => r.status === 'succeeded'),
        'runs of the live replicas all succeeded',
      );
      console.log(
        `# pass 2: ${
          interrupted.length
        } interrupted run(s) of the killed replica, restart took ${(
          (Date.now() - restartedAt) /
          1000
        ).toFixed(0)} s at most; runs per replica: ${[
          ...ids,
          restarted.replicaId,
        ]
          .map(id => pass2.filter(r => r.owner_replica === id).length)
          .join(', ')}`,
      );
    });
  } finally {
    await db.destroy();
    await deployment.stop();
    await sim.stop();
  }
}

main()
  .catch(e => {
    fail('setup');
    console.log(`not ok - setup: ${(e && e.stack) || e}`);
  })
  .finally(() => {
    const failed = summary();
    if (failed === 0) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`# logs kept in ${dir}`);
    process.exit(failed === 0 ? 0 : 1);
  });
