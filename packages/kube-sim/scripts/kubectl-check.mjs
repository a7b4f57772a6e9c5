#!/usr/bin/env node
// Runs the real kubectl against kube-sim and checks what it prints.
// Prints one line per check, then `kubectl-check: N passed, M failed`; exits non-zero on failure.
// Without kubectl it prints `kubectl-check: skipped (kubectl not found)` and exits 0.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/kube-sim');

const probe = spawnSync('kubectl', ['version', '--client'], {
  encoding: 'utf8',
});
if (probe.error) {
  console.log('kubectl-check: skipped (kubectl not found)');
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-kubectl-'));
const scenarios = [
  'gke-1.34-conformant',
  'large-5000',
  'adapter-down',
  'restricted-rbac',
];
const names = scenarios.map((s, i) => `${s}-${i}`);
const [conformant, large, adapterDown, restricted] = names;

const server = spawn(
  process.execPath,
  [
    bin,
    'fleet',
    '--count',
    String(scenarios.length),
    '--scenarios',
    scenarios.join(','),
    '--kubeconfig-dir',
    work,
  ],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let serverOutput = '';
server.stderr.on('data', d => (serverOutput += d));

function stopServer() {
  if (server.exitCode === null) server.kill('SIGTERM');
}
process.on('exit', stopServer);

await new Promise((resolve, reject) => {
  const timer = setTimeout(
    () =>
      reject(new Error(`kube-sim did not start within 120 s\n${serverOutput}`)),
    120_000,
  );
  server.stdout.on('data', d => {
    serverOutput += d;
    if (serverOutput.includes('kube-sim ready')) {
      clearTimeout(timer);
      resolve();
    }
  });
  server.on('exit', code => {
    clearTimeout(timer);
    reject(new Error(`kube-sim exited with ${code}\n${serverOutput}`));
  });
}).catch(error => {
  console.log(String(error.message ?? error));
  console.log('kubectl-check: 0 passed, 1 failed');
  process.exit(1);
});

function kubectl(cluster, ...args) {
  const result = spawnSync(
    'kubectl',
    [
      '--kubeconfig',
      path.join(work, `${cluster}.kubeconfig`),
      '--cache-dir',
      path.join(work, 'cache', cluster),
      '--request-timeout',
      '60s',
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return {
    code: result.status,
    out: result.stdout ?? '',
    err: result.stderr ?? '',
  };
}

let passed = 0;
let failed = 0;
function check(title, fn) {
  try {
    const detail = fn();
    passed++;
    console.log(`  ok    ${title}${detail ? ` (${detail})` : ''}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL  ${title}: ${error.message}`);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
const rows = text => text.trim().split('\n').filter(Boolean);

console.log(
  `kubectl-check: ${probe.stdout.split('\n')[0].trim()} against kube-sim (${
    names.length
  } clusters)`,
);

check(
  'kubectl api-resources lists built-in, DRA, Gateway API, Kueue and KubeRay resources',
  () => {
    const r = kubectl(conformant, 'api-resources');
    expect(r.code === 0, `exit ${r.code}: ${r.err}`);
    const lines = rows(r.out);
    expect(
      /^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND/.test(lines[0]),
      `unexpected header: ${lines[0]}`,
    );
    for (const [resource, apiVersion] of [
      ['nodes', 'v1'],
      ['deployments', 'apps/v1'],
      ['deviceclasses', 'resource.k8s.io/v1'],
      ['gatewayclasses', 'gateway.networking.k8s.io/v1'],
      ['clusterqueues', 'kueue.x-k8s.io/v1beta1'],
      ['rayclusters', 'ray.io/v1'],
      ['clusterpodmonitorings', 'monitoring.googleapis.com/v1'],
    ]) {
      expect(
        lines.some(
          l => l.startsWith(`${resource} `) && l.includes(` ${apiVersion} `),
        ),
        `${resource} (${apiVersion}) missing`,
      );
    }
    return `${lines.length - 1} resources`;
  },
);

check(
  'kubectl sees the custom-metrics adapter down (APIService False, discovery 503)',
  () => {
    const services = kubectl(
      adapterDown,
      'get',
      'apiservices',
      'v1beta1.custom.metrics.k8s.io',
    );
    expect(
      services.code === 0 &&
        /v1beta1\.custom\.metrics\.k8s\.io\s+custom-metrics\/custom-metrics-stackdriver-adapter\s+False \(FailedDiscoveryCheck\)/.test(
          services.out,
        ),
      `apiservices: ${services.out}${services.err}`,
    );
    const raw = kubectl(
      adapterDown,
      'get',
      '--raw',
      `/clusters/${adapterDown}/apis/custom.metrics.k8s.io/v1beta1`,
    );
    expect(
      raw.code !== 0 &&
        /ServiceUnavailable|service unavailable|unable to handle the request/.test(
          raw.err,
        ),
      `get --raw: exit ${raw.code} ${raw.err}`,
    );
    const healthy = kubectl(
      conformant,
      'get',
      '--raw',
      `/clusters/${conformant}/apis/custom.metrics.k8s.io/v1beta1`,
    );
    expect(
      healthy.code === 0 && JSON.parse(healthy.out).resources.length > 0,
      `healthy adapter: exit ${healthy.code} ${healthy.err}`,
    );
    const listing = kubectl(adapterDown, 'api-resources');
    expect(
      rows(listing.out).some(l => l.startsWith('nodes ')),
      'api-resources lists no nodes with the adapter down',
    );
    const warning = listing.err.trim();
    return warning
      ? `kubectl: ${warning.split('\n').pop()}`
      : 'stale group version skipped by kubectl discovery';
  },
);

check(
  'kubectl get nodes -L cloud.google.com/gke-accelerator shows the L4 pool',
  () => {
    const r = kubectl(
      conformant,
      'get',
      'nodes',
      '-L',
      'cloud.google.com/gke-accelerator',
    );
    expect(r.code === 0, `exit ${r.code}: ${r.err}`);
    const lines = rows(r.out);
    expect(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+GKE-ACCELERATOR$/.test(
        lines[0],
      ),
      `unexpected header: ${lines[0]}`,
    );
    expect(lines.length === 7, `expected 6 nodes, got ${lines.length - 1}`);
    const l4 = lines.filter(l => /\sReady\s.*\sv1\.34\.1\s+nvidia-l4$/.test(l));
    expect(l4.length === 3, `expected 3 nvidia-l4 nodes, got ${l4.length}`);
    return '6 nodes, 3 nvidia-l4';
  },
);

check('kubectl get crd lists the AI add-on CRDs', () => {
  const r = kubectl(conformant, 'get', 'crd');
  expect(r.code === 0, `exit ${r.code}: ${r.err}`);
  const lines = rows(r.out);
  expect(
    /^NAME\s+CREATED AT$/.test(lines[0]),
    `unexpected header: ${lines[0]}`,
  );
  for (const crd of [
    'gatewayclasses.gateway.networking.k8s.io',
    'rayclusters.ray.io',
    'clusterqueues.kueue.x-k8s.io',
    'podmonitorings.monitoring.googleapis.com',
  ]) {
    expect(
      lines.some(l => l.startsWith(`${crd} `)),
      `${crd} missing`,
    );
  }
  return `${lines.length - 1} CRDs`;
});

check('kubectl auth can-i list nodes answers yes', () => {
  const r = kubectl(conformant, 'auth', 'can-i', 'list', 'nodes');
  expect(
    r.code === 0 && r.out.trim() === 'yes',
    `exit ${r.code}, output "${r.out.trim()}" ${r.err}`,
  );
});

check(
  'kubectl auth can-i follows the restricted RBAC (nodes yes, CRDs no)',
  () => {
    const nodes = kubectl(restricted, 'auth', 'can-i', 'list', 'nodes');
    expect(
      nodes.code === 0 && nodes.out.trim() === 'yes',
      `nodes: exit ${nodes.code}, "${nodes.out.trim()}"`,
    );
    const crds = kubectl(
      restricted,
      'auth',
      'can-i',
      'list',
      'customresourcedefinitions.apiextensions.k8s.io',
    );
    expect(
      crds.code === 1 && crds.out.trim() === 'no',
      `crds: exit ${crds.code}, "${crds.out.trim()}"`,
    );
    const denied = kubectl(restricted, 'get', 'crd');
    expect(
      denied.code !== 0 && /Forbidden|forbidden/.test(denied.err),
      `get crd should be forbidden: ${denied.err}`,
    );
    return denied.err.trim().split('\n').pop();
  },
);

check('kubectl get nodes --chunk-size=100 pages through 5,000 nodes', () => {
  const r = kubectl(large, 'get', 'nodes', '--chunk-size=100', '-v=6');
  expect(r.code === 0, `exit ${r.code}: ${r.err.slice(-300)}`);
  const lines = rows(r.out);
  expect(
    lines.filter(l => l.startsWith('NAME ')).length === 1,
    'header printed more than once',
  );
  expect(
    lines.length === 5001,
    `expected 5,000 nodes, got ${lines.length - 1}`,
  );
  const pages = r.err
    .split('\n')
    .filter(l =>
      /GET https:\/\/\S+\/api\/v1\/nodes\?\S*limit=100/.test(l),
    ).length;
  expect(pages === 50, `expected 50 requests with limit=100, saw ${pages}`);
  return `5000 nodes in ${pages} requests`;
});

stopServer();
fs.rmSync(work, { recursive: true, force: true });
console.log(`kubectl-check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
