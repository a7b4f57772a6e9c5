import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { scaffolderModuleAiConformance } from './module';

const template = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../templates/gke-ai-conformant-cluster/template.yaml',
    ),
    'utf8',
  ),
);

/** The form as a user fills it for the directory delivery: no repository. */
const values = {
  name: 'gke-ai-local',
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
  operator: 'ray',
  delivery: 'local',
};

describe('the GKE template with the directory delivery', () => {
  let baseUrl: string;
  let stop: () => Promise<void>;
  const deliveries = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-local-')),
    'deliveries',
  );

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleAiConformance,
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              scaffolder: { localDelivery: { directory: deliveries } },
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

  it('needs no GitHub integration and reports where the files would go', async () => {
    const response = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        template,
        values,
        secrets: {},
        directoryContents: [],
      }),
    });
    const body = await response.json();
    expect(body.error).toBeUndefined();
    expect(response.status).toBe(200);
    const rendered = body.directoryContents
      .map((f: { path: string }) => f.path)
      .sort();
    expect(rendered).toContain('terraform/cluster.tf');
    const log = body.log as { body: { message: string; stepId?: string } }[];
    const messages = log.map(l => l.body.message).join('\n');
    expect(messages).toContain(
      `Would write ${rendered.length} files to ${path.join(
        deliveries,
        'gke-ai-local',
      )}`,
    );
    expect(messages).toContain(
      'Skipping step publish because its if condition was false',
    );
    expect(messages).toContain(
      'Skipping step pull-request because its if condition was false',
    );
    const delivery = body.output.text.find(
      (t: { title: string }) => t.title === 'Delivery',
    );
    expect(delivery.content).toContain(
      `Written to \`${path.join(deliveries, 'gke-ai-local')}\``,
    );
    for (const file of rendered) expect(delivery.content).toContain(file);
    // A dry run writes nothing.
    expect(fs.existsSync(deliveries)).toBe(false);
  });
});
