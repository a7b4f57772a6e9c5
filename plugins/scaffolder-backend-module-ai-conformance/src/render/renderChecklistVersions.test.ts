import { GKE_CERTIFIED_MINIMUMS } from '@ai-conformance/plugin-ai-conformance-common';
import { parse } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderClusterFiles } from './renderClusterFiles';

/** A cluster of `minor` with every optional part the template offers. */
function planWithEveryOption(minor: '1.36' | '1.37') {
  return planGkeCluster(
    exampleSpec({
      checklistVersion: minor,
      gkeVersion: GKE_CERTIFIED_MINIMUMS[minor],
      releaseChannel: 'rapid',
      draPool: {
        enabled: true,
        accelerator: 'nvidia-l4',
        machineType: 'g2-standard-8',
        minNodes: 1,
        maxNodes: 2,
      },
      sandboxPool: { enabled: true, machineType: 'n2-standard-4' },
      inferenceGateway: { enabled: true, gatewayClass: 'gke-l7-rilb' },
    }),
  );
}

/** Writes the rendered files under a temporary directory. */
function writeFiles(plan: ReturnType<typeof planWithEveryOption>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-all-'));
  for (const file of renderClusterFiles(plan, { directory: '' })) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content, {
      mode: file.executable ? 0o755 : 0o644,
    });
  }
  return dir;
}

/** Runs the gcloud script with stand-ins for gcloud, helm and kubectl. */
function runScript(dir: string) {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const log = path.join(dir, 'calls.log');
  for (const name of ['gcloud', 'helm', 'kubectl']) {
    fs.writeFileSync(
      path.join(bin, name),
      `#!/usr/bin/env bash\n(printf '${name}'; printf '\\t%s' "$@"; echo) >> "${log}"\n${
        name === 'gcloud'
          ? `if [ "$1 $2" = "compute accelerator-types" ]; then echo us-central1-a; fi`
          : ''
      }\n`,
      { mode: 0o755 },
    );
  }
  const result = spawnSync(
    'bash',
    [path.join(dir, 'scripts/create-cluster.sh')],
    {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    },
  );
  const calls = fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map(l => l.split('\t'));
  return { result, calls };
}

const hasTerraform =
  spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

describe.each(['1.36', '1.37'] as const)(
  'checklist %s with the DRA pool, the sandbox pool and Inference Gateway',
  minor => {
    const plan = planWithEveryOption(minor);
    let dir: string;
    beforeAll(() => {
      dir = writeFiles(plan);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('renders Terraform that parses, on the certified minimum, with the three options', async () => {
      const tf = path.join(dir, 'terraform');
      const json: Record<string, any> = {};
      for (const name of fs.readdirSync(tf)) {
        json[name] = await parse(
          name,
          fs.readFileSync(path.join(tf, name), 'utf8'),
        );
      }
      expect(json['variables.tf'].variable.gke_version[0].default).toBe(
        GKE_CERTIFIED_MINIMUMS[minor],
      );
      const cluster = json['cluster.tf'].resource;
      expect(cluster.google_container_cluster.this[0].release_channel).toEqual([
        { channel: 'RAPID' },
      ]);
      const pools = cluster.google_container_node_pool;
      expect(Object.keys(pools).sort()).toEqual([
        'dra',
        'gpu',
        'sandbox',
        'system',
      ]);
      expect(
        pools.dra[0].node_config[0].guest_accelerator[0]
          .gpu_driver_installation_config,
      ).toEqual([{ gpu_driver_version: 'INSTALLATION_DISABLED' }]);
      expect(pools.sandbox[0].node_config[0]).toMatchObject({
        machine_type: 'n2-standard-4',
        image_type: 'COS_CONTAINERD',
        sandbox_config: [{ sandbox_type: 'gvisor' }],
      });
      expect(cluster.google_compute_subnetwork.proxy_only[0]).toMatchObject({
        purpose: 'REGIONAL_MANAGED_PROXY',
        role: 'ACTIVE',
        region: '${var.region}',
        ip_cidr_range: '${var.proxy_only_subnet_range}',
      });
      expect(
        json['variables.tf'].variable.proxy_only_subnet_range[0].default,
      ).toBe('10.129.0.0/23');
      expect(Object.keys(json['addons.tf'].resource.helm_release)).toContain(
        'nvidia_dra_driver',
      );
    });

    if (hasTerraform) {
      it('renders Terraform that terraform fmt -check accepts', () => {
        const result = spawnSync(
          'terraform',
          ['fmt', '-check', '-diff', '-no-color', path.join(dir, 'terraform')],
          { encoding: 'utf8' },
        );
        expect(result.stdout).toBe('');
        expect(result.status).toBe(0);
      });
    }

    it('lists in the README the kubectl steps Terraform leaves out', () => {
      const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
      const section = readme.slice(
        readme.indexOf('## After `terraform apply`'),
      );
      expect(section).toMatch(/kubectl apply -f \S+daemonset-preloaded\.yaml/);
      expect(section).toMatch(
        /kubectl apply -f \S+inference-extension\S+manifests\.yaml/,
      );
      expect(section).toContain(
        'kubectl apply -f kubernetes/inference-gateway.yaml',
      );
      expect(readme).toContain(
        `targets the CNCF Kubernetes AI Conformance checklist ${minor}`,
      );
    });

    it('applies the same manifests in the workflow after terraform apply, from the terraform directory', () => {
      const workflowDir = path.join(dir, '.github/workflows');
      const [file] = fs.readdirSync(workflowDir);
      const workflow = parseYaml(
        fs.readFileSync(path.join(workflowDir, file), 'utf8'),
      );
      const steps: { name?: string; run?: string }[] =
        workflow.jobs.apply.steps;
      const names = steps.map(step => step.name);
      const runs = steps.map(step => step.run ?? '');
      const applies = runs.filter(run => run.startsWith('kubectl apply'));
      expect(applies).toEqual([
        expect.stringMatching(/daemonset-preloaded\.yaml$/),
        expect.stringMatching(/manifests\.yaml$/),
        'kubectl apply -f ../kubernetes/inference-gateway.yaml',
      ]);
      expect(runs.indexOf(applies[0])).toBeGreaterThan(
        names.indexOf('Cluster credentials'),
      );
      expect(runs.indexOf(applies[2])).toBeLessThan(
        names.indexOf('AI Conformance check'),
      );
    });

    it('renders the Gateway on the chosen class', () => {
      const gateway = parseYaml(
        fs.readFileSync(
          path.join(dir, 'kubernetes/inference-gateway.yaml'),
          'utf8',
        ),
      );
      expect(gateway).toMatchObject({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        spec: { gatewayClassName: 'gke-l7-rilb' },
      });
    });

    it('renders a gcloud script that creates the pools, the proxy-only subnet, the CRDs and the Gateway', () => {
      const syntax = spawnSync(
        'bash',
        ['-n', path.join(dir, 'scripts/create-cluster.sh')],
        {
          encoding: 'utf8',
        },
      );
      expect(syntax.stderr).toBe('');
      const { result, calls } = runScript(dir);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const cluster = calls.find(
        c => c.slice(1, 4).join(' ') === 'container clusters create',
      )!;
      expect(cluster).toContain(
        `--cluster-version=${GKE_CERTIFIED_MINIMUMS[minor]}`,
      );
      expect(cluster).toContain('--release-channel=rapid');
      const sandbox = calls.find(c => c[4] === 'sandbox')!;
      expect(sandbox).toEqual(
        expect.arrayContaining([
          '--sandbox=type=gvisor',
          '--machine-type=n2-standard-4',
          '--image-type=COS_CONTAINERD',
        ]),
      );
      const subnet = calls.find(
        c => c.slice(1, 5).join(' ') === 'compute networks subnets create',
      )!;
      expect(subnet).toEqual(
        expect.arrayContaining([
          '--purpose=REGIONAL_MANAGED_PROXY',
          '--role=ACTIVE',
          '--region=us-central1',
          '--range=10.129.0.0/23',
        ]),
      );
      const applied = calls.filter(c => c[0] === 'kubectl').map(c => c[3]);
      expect(applied).toEqual([
        expect.stringMatching(/daemonset-preloaded\.yaml$/),
        expect.stringMatching(
          /gateway-api-inference-extension\/releases\/download\/v\d+\.\d+\.\d+\/manifests\.yaml$/,
        ),
        expect.stringMatching(/\/kubernetes\/inference-gateway\.yaml$/),
      ]);
      expect(fs.existsSync(applied[2])).toBe(true);
    });

    it('skips the proxy-only subnet when the region has one', () => {
      const text = fs.readFileSync(
        path.join(dir, 'scripts/create-cluster.sh'),
        'utf8',
      );
      const withSubnet = text.replace(
        '#!/usr/bin/env bash',
        '#!/usr/bin/env bash\ngcloud() { if [ "$3 $4" = "subnets list" ]; then echo existing; fi; command gcloud "$@"; }',
      );
      fs.writeFileSync(path.join(dir, 'scripts/create-cluster.sh'), withSubnet);
      try {
        fs.rmSync(path.join(dir, 'bin'), { recursive: true, force: true });
        fs.rmSync(path.join(dir, 'calls.log'), { force: true });
        const { result, calls } = runScript(dir);
        expect(result.status).toBe(0);
        expect(
          calls.some(
            c => c.slice(1, 4).join(' ') === 'compute networks subnets',
          ),
        ).toBe(true);
        expect(calls.some(c => c[4] === 'create' && c[3] === 'subnets')).toBe(
          false,
        );
      } finally {
        fs.writeFileSync(path.join(dir, 'scripts/create-cluster.sh'), text);
      }
    });
  },
);

if (!hasTerraform) {
  // eslint-disable-next-line no-console
  console.log('terraform is not on PATH: terraform fmt -check is not run');
}
