import { KUEUE_ADDON } from '@ai-conformance/plugin-ai-conformance-common';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { GkeClusterSpecInput } from '../gke/gkeClusterSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderGcloudScript, shellQuote } from './renderGcloudScript';

/**
 * Runs the script with stand-ins for gcloud and helm that record their
 * arguments (one line per call, arguments separated by tabs).
 */
function runWithFakeTools(scriptText: string, zones: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-sh-'));
  const log = path.join(dir, 'calls.log');
  const fake = (name: string, body = '') =>
    fs.writeFileSync(
      path.join(dir, name),
      `#!/usr/bin/env bash\n(printf '${name}'; printf '\\t%s' "$@"; echo) >> "${log}"\n${body}\n`,
      { mode: 0o755 },
    );
  fake(
    'gcloud',
    `if [ "$1 $2" = "compute accelerator-types" ]; then printf '${zones}'; fi`,
  );
  fake('helm');
  fake('kubectl');
  const scriptPath = path.join(dir, 'create-cluster.sh');
  fs.writeFileSync(scriptPath, scriptText, { mode: 0o755 });
  const result = spawnSync('bash', [scriptPath], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
  });
  const calls = fs.existsSync(log)
    ? fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map(l => l.split('\t'))
    : [];
  fs.rmSync(dir, { recursive: true, force: true });
  return { result, calls };
}

function script(overrides: Partial<GkeClusterSpecInput> = {}) {
  return renderGcloudScript(planGkeCluster(exampleSpec(overrides)));
}

describe('renderGcloudScript', () => {
  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n'], {
      input: script({
        draPool: {
          enabled: true,
          accelerator: 'nvidia-l4',
          machineType: 'g2-standard-8',
        },
      }),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('creates a conformant Standard cluster, the GPU pool in the zones that offer the accelerator, and Kueue', () => {
    const { result, calls } = runWithFakeTools(
      script(),
      'us-central1-a\\nus-central1-c\\n',
    );
    expect(result.status).toBe(0);
    expect(calls.map(c => c.slice(0, 3).join(' '))).toEqual([
      'gcloud compute accelerator-types',
      'gcloud container clusters',
      'gcloud container node-pools',
      'gcloud container clusters',
      'helm upgrade --install',
    ]);
    const cluster = calls[1];
    expect(cluster).toEqual(
      expect.arrayContaining([
        'create',
        'gke-ai-dev',
        '--project=my-project',
        '--location=us-central1',
        '--release-channel=regular',
        '--cluster-version=1.34.0-gke.1662000',
        '--gateway-api=standard',
        '--enable-managed-prometheus',
        '--monitoring=SYSTEM,DCGM',
        '--workload-pool=my-project.svc.id.goog',
        '--enable-autoprovisioning',
        '--max-cpu=1024',
        '--max-memory=8192',
        '--max-accelerator=type=nvidia-l4,count=4',
        '--addons=RayOperator',
      ]),
    );
    expect(cluster.some(a => /autopilot/i.test(a))).toBe(false);
    const pool = calls[2];
    expect(pool).toEqual(
      expect.arrayContaining([
        'l4-pool',
        '--cluster=gke-ai-dev',
        '--node-locations=us-central1-a,us-central1-c',
        '--machine-type=g2-standard-8',
        '--accelerator=type=nvidia-l4,count=1,gpu-driver-version=latest',
        '--total-min-nodes=0',
        '--total-max-nodes=4',
        '--location-policy=ANY',
        '--workload-metadata=GKE_METADATA',
      ]),
    );
    expect(calls[4]).toEqual(
      expect.arrayContaining([
        'kueue',
        'oci://registry.k8s.io/kueue/charts/kueue',
        `--version=${KUEUE_ADDON.version}`,
      ]),
    );
  });

  it('stops when no zone of the region offers the accelerator', () => {
    const { result, calls } = runWithFakeTools(script(), '');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'nvidia-l4 is not offered in any zone of us-central1',
    );
    expect(calls).toHaveLength(1);
  });

  it('adds a DRA pool with drivers disabled, Spot and Kubeflow Trainer when chosen', () => {
    const text = script({
      operator: 'kubeflow-trainer',
      gpuPool: {
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-8',
        spot: true,
      },
      draPool: {
        enabled: true,
        accelerator: 'nvidia-h100-80gb',
        machineType: 'a3-highgpu-8g',
      },
    });
    const { result, calls } = runWithFakeTools(text, 'us-central1-a\\n');
    expect(result.status).toBe(0);
    const dra = calls.find(c => c.includes('h100-80gb-dra'))!;
    expect(dra).toEqual(
      expect.arrayContaining([
        '--accelerator=type=nvidia-h100-80gb,count=8,gpu-driver-version=disabled',
        '--node-labels=gke-no-default-nvidia-gpu-device-plugin=true,nvidia.com/gpu.present=true,cloud.google.com/gke-nvidia-gpu-dra-driver=true',
        '--node-taints=nvidia.com/gpu=present:NoSchedule',
      ]),
    );
    const kubectl = calls.filter(c => c[0] === 'kubectl');
    expect(kubectl).toHaveLength(1);
    expect(kubectl[0][3]).toMatch(
      /container-engine-accelerators\/.*\/cos\/daemonset-preloaded\.yaml$/,
    );
    const driverAt = calls.indexOf(kubectl[0]);
    const chartAt = calls.findIndex(c => c[3] === 'nvidia-dra-driver-gpu');
    expect(driverAt).toBeLessThan(chartAt);
    expect(calls.find(c => c.includes('l4-pool'))).toContain('--spot');
    expect(calls.find(c => c.includes('--addons=RayOperator'))).toBeUndefined();
    expect(calls.map(c => c[3])).toEqual(
      expect.arrayContaining(['kubeflow-trainer', 'nvidia-dra-driver-gpu']),
    );
  });
});

describe('shellQuote', () => {
  it('leaves safe words alone and single-quotes the rest', () => {
    expect(shellQuote('us-central1')).toBe('us-central1');
    expect(shellQuote("a b'c")).toBe(`'a b'\\''c'`);
    expect(shellQuote('$(rm -rf /)')).toBe(`'$(rm -rf /)'`);
  });
});

const hasGcloud =
  spawnSync('gcloud', ['--version'], { stdio: 'ignore' }).status === 0;

/** `--flag` names of the gcloud command starting with `command`. */
function flagsOf(text: string, command: string): string[] {
  const start = text.indexOf(command);
  // The command ends at a blank line or where a shell test closes.
  const ends = ['\n\n', ' ]; then']
    .map(marker => text.indexOf(marker, start))
    .filter(i => i > -1);
  const block = text.slice(start, Math.min(...ends, text.length));
  return [...new Set([...block.matchAll(/--([a-z-]+)/g)].map(m => m[1]))];
}

if (hasGcloud) {
  describe('renderGcloudScript against the local gcloud', () => {
    const text = script({
      gpuPool: {
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-8',
        spot: true,
      },
      draPool: {
        enabled: true,
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-8',
      },
      sandboxPool: { enabled: true },
      inferenceGateway: { enabled: true },
    });

    it.each([
      [
        'gcloud container node-pools create sandbox',
        ['container', 'node-pools', 'create'],
      ],
      [
        'gcloud compute networks subnets list',
        ['compute', 'networks', 'subnets', 'list'],
      ],
      [
        'gcloud compute networks subnets create',
        ['compute', 'networks', 'subnets', 'create'],
      ],
      ['gcloud container clusters create', ['container', 'clusters', 'create']],
      [
        'gcloud container node-pools create',
        ['container', 'node-pools', 'create'],
      ],
    ])(
      '%s uses only flags gcloud knows',
      (command, args) => {
        const help = spawnSync('gcloud', [...args, '--help'], {
          encoding: 'utf8',
          env: {
            ...process.env,
            CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
            PAGER: 'cat',
          },
          timeout: 60_000,
        }).stdout;
        const flags = flagsOf(text, command);
        expect(flags.length).toBeGreaterThan(4);
        const unknown = flags.filter(f => !help.includes(`--${f}`));
        expect(unknown).toEqual([]);
      },
      60_000,
    );
  });
} else {
  // eslint-disable-next-line no-console
  console.log('gcloud is not on PATH: the gcloud flag check is not run');
}
