import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { parse } from 'yaml';
import { scaffolderModuleAiConformance, usesContainerApi } from './module';

const template = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../templates/gke-ai-conformant-cluster/template.yaml',
    ),
    'utf8',
  ),
);

const values = {
  name: 'gke-ai-dev',
  owner: 'group:default/ai-platform',
  projectId: 'my-project',
  region: 'us-central1',
  releaseChannel: 'regular',
  checklistVersion: '1.34',
  gkeVersion: '1.34.1-gke.1829001',
  gpuPool: {
    accelerator: 'nvidia-l4',
    machineType: 'g2-standard-24',
    gpusPerNode: 2,
    minNodes: 0,
    maxNodes: 3,
    spot: false,
    driverVersion: 'latest',
  },
  kueueVersion: '0.14.1',
  operator: 'ray',
  draPool: { enabled: false },
  delivery: 'repository',
  repoUrl: 'github.com?owner=acme&repo=gke-ai-dev',
};

describe('scaffolder dry run of the GKE template', () => {
  let baseUrl: string;
  let stop: () => Promise<void>;
  const deliveries = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-local-')),
    'deliveries',
  );
  const clusters = fs.mkdtempSync(
    path.join(os.tmpdir(), 'ai-conformance-clusters-'),
  );

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderGithubModule,
        scaffolderModuleAiConformance,
        mockServices.rootConfig.factory({
          // publish:github:pull-request builds its client before its dry-run
          // branch; the token is never sent anywhere in a dry run.
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'unused-in-dry-run' }],
            },
            aiConformance: {
              scaffolder: { localDelivery: { directory: deliveries } },
              gke: { registration: { directory: clusters } },
            },
          },
        }),
      ],
    });
    baseUrl = `http://localhost:${backend.server.port()}`;
    stop = () => backend.stop();
  }, 60_000);

  afterAll(async () => {
    await stop?.();
  });

  async function dryRun(overrides: Record<string, unknown>) {
    const response = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        template,
        values: { ...values, ...overrides },
        secrets: {},
        directoryContents: [],
      }),
    });
    return { status: response.status, body: await response.json() };
  }

  it('renders the template with sample values and lists the files', async () => {
    const response = await dryRun({});
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const files = response.body.directoryContents
      .map((f: { path: string }) => f.path)
      .sort();
    expect(files).toEqual([
      '.github/workflows/cluster-gke-ai-dev.yaml',
      'README.md',
      'catalog-info.yaml',
      'scripts/create-cluster.sh',
      'terraform/addons.tf',
      'terraform/cluster.tf',
      'terraform/outputs.tf',
      'terraform/providers.tf',
      'terraform/variables.tf',
      'terraform/versions.tf',
    ]);
    const steps = response.body.steps.map((s: { id: string }) => s.id);
    expect(steps).toEqual([
      'version',
      'validate',
      'render',
      'publish',
      'pull-request',
      'local',
      'cluster',
      'addons',
      'register-cluster',
      'check',
      'register',
      'register-pull-request',
    ]);
    const cluster = response.body.directoryContents.find(
      (f: { path: string }) => f.path === 'terraform/cluster.tf',
    );
    const text = Buffer.from(cluster.base64Content, 'base64').toString('utf8');
    expect(text).toContain('gpu_driver_version = "LATEST"');
    expect(text).toContain('count = 2');
    const log = response.body.log
      .map((l: { body: { message: string } }) => l.body.message)
      .join('\n');
    expect(log).toContain(
      'GKE 1.34.1-gke.1829001 is at or above 1.34.0-gke.1662000',
    );
    expect(log).toContain(
      'Skipping because publish:github does not support dry-run',
    );
  });

  it('puts the files under clusters/<name> for the pull-request path', async () => {
    const response = await dryRun({
      delivery: 'pull-request',
      repoUrl: 'github.com?owner=acme&repo=infrastructure',
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const files = response.body.directoryContents.map(
      (f: { path: string }) => f.path,
    );
    expect(files).toContain('clusters/gke-ai-dev/terraform/versions.tf');
    expect(files).toContain('clusters/gke-ai-dev/catalog-info.yaml');
    expect(files).toContain('.github/workflows/cluster-gke-ai-dev.yaml');
    const log = response.body.log
      .map((l: { body: { message: string } }) => l.body.message)
      .join('\n');
    expect(log).toContain('Performing dry run of creating pull request');
    expect(log).toContain(
      'Skipping step publish because its if condition was false',
    );
  });

  it('delivers to a directory without a repository and lists the files in its output', async () => {
    const response = await dryRun({
      name: 'gke-ai-local',
      delivery: 'local',
      repoUrl: undefined,
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const rendered: string[] = response.body.directoryContents
      .map((f: { path: string }) => f.path)
      .sort();
    expect(rendered).toContain('terraform/cluster.tf');
    const target = path.join(deliveries, 'gke-ai-local');
    const log = response.body.log
      .map((l: { body: { message: string } }) => l.body.message)
      .join('\n');
    expect(log).toContain(`Would write ${rendered.length} files to ${target}`);
    for (const step of ['publish', 'pull-request', 'register']) {
      expect(log).toContain(
        `Skipping step ${step} because its if condition was false`,
      );
    }
    const delivery = response.body.output.text.find(
      (t: { title: string }) => t.title === 'Delivery',
    );
    expect(delivery.content).toContain(`Written to \`${target}\``);
    for (const file of rendered) expect(delivery.content).toContain(file);
    // A dry run writes nothing.
    expect(fs.existsSync(deliveries)).toBe(false);
  });

  it('runs the gke-api steps without touching the Container API in a dry run', async () => {
    const response = await dryRun({
      name: 'gke-ai-api',
      delivery: 'gke-api',
      repoUrl: undefined,
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const log = response.body.log
      .map((l: { body: { message: string } }) => l.body.message)
      .join('\n');
    expect(log).toContain(
      'Dry run: would create gke-ai-api in projects/my-project/locations/us-central1 with 2 node pools',
    );
    expect(log).toContain(
      'Dry run: would install kueue@0.14.1 by server-side apply',
    );
    expect(log).toContain(
      `Dry run: would write ${path.join(
        clusters,
        'gke-ai-api.yaml',
      )} and register resource:default/gke-ai-api`,
    );
    expect(log).toContain(
      'Skipping because ai-conformance:check does not support dry-run',
    );
    for (const step of ['publish', 'pull-request', 'local', 'register']) {
      expect(log).toContain(
        `Skipping step ${step} because its if condition was false`,
      );
    }
    const links = response.body.output.links.filter(
      (l: { url?: string; entityRef?: string }) => l.url || l.entityRef,
    );
    expect(links).toEqual([
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: 'resource:default/gke-ai-api',
      },
      {
        title: 'AI Conformance',
        url: '/catalog/default/resource/gke-ai-api/ai-conformance',
      },
    ]);
    expect(fs.readdirSync(clusters)).toEqual([]);
  });

  it('accepts a form without the optional extras', async () => {
    const response = await dryRun({
      draPool: undefined,
      kueueVersion: undefined,
    });
    expect(response.body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const files = response.body.directoryContents.map(
      (f: { path: string }) => f.path,
    );
    expect(files).not.toContain('terraform/addons.tf');
  });

  it('fails the dry run with the message a user sees for a version below the minimum', async () => {
    const response = await dryRun({ gkeVersion: '1.34.0-gke.1500000' });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      name: 'InputError',
      message:
        'GKE version 1.34.0-gke.1500000 is below 1.34.0-gke.1662000, the lowest AI-conformance-certified GKE version of 1.34',
    });
    expect(response.body.directoryContents).toBeUndefined();
  });
});

describe('usesContainerApi', () => {
  it('follows the setting, else the presence of Application Default Credentials', () => {
    expect(usesContainerApi('container-api', {})).toBe(true);
    expect(
      usesContainerApi('offline', {
        GOOGLE_APPLICATION_CREDENTIALS: '/k.json',
      }),
    ).toBe(false);
    expect(
      usesContainerApi(undefined, {
        GOOGLE_APPLICATION_CREDENTIALS: '/k.json',
      }),
    ).toBe(true);
    expect(usesContainerApi(undefined, {})).toBe(false);
  });
});
