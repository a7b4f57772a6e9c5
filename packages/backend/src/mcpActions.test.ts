import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEMO_CLUSTERS,
  startKubeSim,
  type KubeSim,
} from '@ai-conformance/kube-sim';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import aiConformancePlugin from '@ai-conformance/plugin-ai-conformance-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { parseAllDocuments } from 'yaml';
import { DenyListPermissionPolicy } from './demoPermissionPolicy';

jest.setTimeout(180_000);

const USER = 'user:default/guest';
const RUN_CREATE = 'ai-conformance.run.create';
const REPORT_READ = 'ai-conformance.report.read';
/** MCP tool names carry the plugin id (`mcpActions.namespacedToolNames`). */
const tool = (action: string) => `ai-conformance.${action}`;

/** The demo catalog (the repository's catalog-info.yaml). */
const entities = parseAllDocuments(
  readFileSync(path.resolve(__dirname, '../../../catalog-info.yaml'), 'utf8'),
)
  .map(d => d.toJSON() as Entity)
  .filter(e => e?.kind);

/**
 * The permissions service, answering with the demo policy (a deny list the
 * test changes between cases).
 */
function demoPolicyPermissions(denied: Set<string>): PermissionsService {
  const policy = new DenyListPermissionPolicy(denied);
  const decide = async (permission: any) =>
    policy.handle({ permission } as any);
  return {
    async authorize(requests) {
      return Promise.all(
        requests.map(async r => ({
          result: (await decide(r.permission)).result,
        })),
      ) as any;
    },
    async authorizeConditional(requests) {
      return Promise.all(requests.map(r => decide(r.permission))) as any;
    },
  };
}

describe('AI Conformance actions over MCP (demo backend)', () => {
  let sim: KubeSim;
  let baseUrl: string;
  let stop: () => Promise<void>;
  const denied = new Set<string>();

  async function connect(): Promise<Client> {
    const client = new Client({
      name: 'ai-conformance-test',
      version: '1.0.0',
    });
    const transport = new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(USER) },
        },
      },
    );
    await client.connect(transport);
    return client;
  }

  async function call(name: string, args: Record<string, unknown>) {
    const client = await connect();
    try {
      return (await client.callTool({ name: tool(name), arguments: args })) as {
        isError?: boolean;
        structuredContent?: any;
        content: Array<{ type: string; text: string }>;
      };
    } finally {
      await client.close();
    }
  }

  beforeAll(async () => {
    sim = await startKubeSim({ clusters: DEMO_CLUSTERS });
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        mcpActionsPlugin,
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: coreServices.permissions,
          deps: {},
          factory: () => demoPolicyPermissions(denied),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['ai-conformance'] } },
            aiConformance: {
              schedule: { enabled: false },
              clusterDeadline: { seconds: 30 },
              clusters: sim.clusters.map(c => ({
                name: c.name,
                url: c.server,
                caData: c.caData,
                serviceAccountToken: c.token,
              })),
            },
          },
        }),
      ],
    });
    const address = backend.server.address() as { port: number };
    baseUrl = `http://localhost:${address.port}`;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    await sim?.stop();
  });

  beforeEach(() => denied.clear());

  it('lists the four actions with their input schemas and honest hints', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    await client.close();
    const byName = Object.fromEntries(
      tools.map(t => [t.name.replace(/^ai-conformance\./, ''), t]),
    );
    expect(Object.keys(byName).sort()).toEqual([
      'explain-ai-conformance-requirement',
      'get-cluster-ai-conformance',
      'list-clusters-ai-conformance',
      'run-ai-conformance-check',
    ]);
    expect(byName['get-cluster-ai-conformance'].inputSchema).toMatchObject({
      type: 'object',
      properties: { cluster: { type: 'string' } },
      required: ['cluster'],
    });
    expect(
      byName['list-clusters-ai-conformance'].inputSchema.properties,
    ).toMatchObject({
      verdict: {
        enum: ['conformant', 'not-conformant', 'incomplete', 'unchecked'],
      },
      level: { enum: ['none', 'bronze', 'silver', 'gold'] },
      platform: { type: 'string' },
      owner: { type: 'string' },
      failingRequirement: { type: 'string' },
      offset: { type: 'integer' },
      limit: { type: 'integer', maximum: 100 },
    });
    expect(
      byName['explain-ai-conformance-requirement'].inputSchema,
    ).toMatchObject({ required: ['id'] });
    expect(byName['run-ai-conformance-check'].inputSchema).toMatchObject({
      properties: { waitSeconds: { maximum: 120 } },
      required: ['cluster'],
    });
    for (const name of [
      'get-cluster-ai-conformance',
      'list-clusters-ai-conformance',
      'explain-ai-conformance-requirement',
    ]) {
      expect(byName[name].annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
    }
    expect(byName['run-ai-conformance-check'].annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
  });

  it('runs every demo cluster, then reports gke-ai-prod and the non-conformant ones', async () => {
    for (const { name } of DEMO_CLUSTERS) {
      const res = await call('run-ai-conformance-check', {
        cluster: name,
        waitSeconds: 60,
      });
      expect(res.isError).toBeFalsy();
      expect(res.structuredContent).toMatchObject({
        finished: true,
        run: { entityRef: `resource:default/${name}`, status: 'succeeded' },
      });
    }

    // The same answers as the HTTP API the portal uses.
    const http = await fetch(`${baseUrl}/api/ai-conformance/clusters`, {
      headers: { Authorization: mockCredentials.user.header(USER) },
    });
    expect(http.status).toBe(200);
    const body = await http.json();
    const rows: any[] = body.items ?? body;
    const prodRow = rows.find(
      r => r.entityRef === 'resource:default/gke-ai-prod',
    );

    const prod = await call('get-cluster-ai-conformance', {
      cluster: 'gke-ai-prod',
    });
    expect(prod.isError).toBeFalsy();
    expect(prod.structuredContent).toMatchObject({
      entityRef: 'resource:default/gke-ai-prod',
      verdict: 'conformant',
      level: prodRow.level,
      checklistVersion: '1.34',
      platform: 'gke',
      failing: [],
      lastRun: { status: 'succeeded' },
    });
    expect(['silver', 'gold']).toContain(prod.structuredContent.level);

    const legacy = await call('get-cluster-ai-conformance', {
      cluster: 'resource:default/gke-legacy-batch',
    });
    expect(legacy.structuredContent.verdict).toBe('not-conformant');
    expect(legacy.structuredContent.failing.length).toBeGreaterThan(0);
    for (const f of legacy.structuredContent.failing) {
      expect(f.status).toBe('fail');
      expect(f.summary).toEqual(expect.any(String));
      expect(f.remediation.length).toBeGreaterThan(0);
    }

    const expected = rows
      .filter(r => r.verdict === 'not-conformant')
      .map(r => r.entityRef)
      .sort();
    expect(expected).toContain('resource:default/gke-legacy-batch');
    expect(expected).not.toContain('resource:default/gke-ai-prod');
    const list = await call('list-clusters-ai-conformance', {
      verdict: 'not-conformant',
    });
    expect(list.isError).toBeFalsy();
    expect(
      list.structuredContent.items.map((i: any) => i.entityRef).sort(),
    ).toEqual(expected);
    expect(list.structuredContent.totalCount).toBe(expected.length);
    for (const item of list.structuredContent.items) {
      expect(item.verdict).toBe('not-conformant');
    }

    // Pages: one cluster at a time walks the same set.
    const paged: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: any = await call('list-clusters-ai-conformance', {
        verdict: 'not-conformant',
        limit: 1,
        offset,
      });
      paged.push(...page.structuredContent.items.map((i: any) => i.entityRef));
      offset = page.structuredContent.nextOffset;
    }
    expect(paged).toEqual(expected);

    // Owner and failing-requirement filters.
    const owned = await call('list-clusters-ai-conformance', {
      owner: 'ai-platform',
    });
    const ownedRefs = owned.structuredContent.items.map(
      (i: any) => i.entityRef,
    );
    expect(ownedRefs).toContain('resource:default/gke-ai-prod');
    expect(ownedRefs).not.toContain('resource:default/gke-legacy-batch');
    const failing = legacy.structuredContent.failing[0].id;
    const byFailing = await call('list-clusters-ai-conformance', {
      failingRequirement: failing,
    });
    expect(
      byFailing.structuredContent.items.map((i: any) => i.entityRef),
    ).toContain('resource:default/gke-legacy-batch');
    for (const item of byFailing.structuredContent.items) {
      expect(item.failingRequirements).toContain(failing);
    }
  });

  it('explains a requirement with levels per version, evidence and remediation', async () => {
    const res = await call('explain-ai-conformance-requirement', {
      id: 'dra_support',
      checklistVersion: '1.34',
      platform: 'gke',
    });
    expect(res.isError).toBeFalsy();
    expect(res.structuredContent).toMatchObject({
      id: 'dra_support',
      checklistVersion: '1.34',
      level: 'MUST',
      levels: { '1.33': 'SHOULD', '1.34': 'MUST' },
    });
    expect(res.structuredContent.evidence.reads.join('\n')).toMatch(
      /deviceclasses/,
    );
    expect(res.structuredContent.remediation[0].platform).toBe('gke');

    const unknown = await call('explain-ai-conformance-requirement', {
      id: 'no_such_requirement',
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0].text).toMatch(
      /InputError: Unknown AI Conformance requirement/,
    );
  });

  it('hides and refuses the run action under a policy denying run.create', async () => {
    denied.add(RUN_CREATE);
    const client = await connect();
    const { tools } = await client.listTools();
    await client.close();
    const names = tools.map(t => t.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(tool('run-ai-conformance-check'));
    expect(names).toContain(tool('get-cluster-ai-conformance'));

    const res = await call('run-ai-conformance-check', {
      cluster: 'gke-ai-prod',
    });
    expect(res.isError).toBe(true);
    expect(res.content[0].text).toMatch(/NotFoundError/);

    // Nor does the action registry invoke it when asked directly.
    const direct = await fetch(
      `${baseUrl}/api/ai-conformance/.backstage/actions/v1/actions/ai-conformance:run-ai-conformance-check/invoke`,
      {
        method: 'POST',
        headers: {
          Authorization: mockCredentials.user.header(USER),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ cluster: 'gke-ai-prod' }),
      },
    );
    expect(direct.status).toBe(404);
  });

  it('returns nothing of the clusters under a policy denying report reads', async () => {
    denied.add(REPORT_READ);
    const get = await call('get-cluster-ai-conformance', {
      cluster: 'gke-ai-prod',
    });
    expect(get.isError).toBe(true);
    expect(get.content[0].text).toMatch(/NotAllowedError/);
    expect(get.structuredContent).toBeUndefined();
    expect(JSON.stringify(get)).not.toMatch(/conformant/);

    const list = await call('list-clusters-ai-conformance', {});
    expect(list.isError).toBeFalsy();
    expect(list.structuredContent).toEqual({
      items: [],
      totalCount: 0,
      nextOffset: null,
    });
  });
});
