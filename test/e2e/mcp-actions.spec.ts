import { expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { guestWhenCatalogHas } from './ai-conformance-support';

/**
 * The demo backend serves the AI Conformance actions over MCP: an MCP client
 * (the TypeScript SDK, Streamable HTTP) with the demo's static token lists
 * them and asks one cluster's verdict, as an assistant would. Policy cases
 * (hidden run action, denied reads) are in packages/backend/src/mcpActions.test.ts.
 */
const DEMO_TOKEN =
  process.env.AI_CONFORMANCE_MCP_TOKEN ?? 'demo-mcp-token-not-a-secret';
const TOOLS = [
  'ai-conformance.explain-ai-conformance-requirement',
  'ai-conformance.get-cluster-ai-conformance',
  'ai-conformance.list-clusters-ai-conformance',
  'ai-conformance.run-ai-conformance-check',
];

test('an MCP client lists the actions and gets gke-ai-prod’s verdict from the demo backend', async ({
  request,
  baseURL,
}) => {
  await guestWhenCatalogHas(request, baseURL!, {
    kind: 'resource',
    namespace: 'default',
    name: 'gke-ai-prod',
  });
  const client = new Client({ name: 'ai-conformance-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseURL}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: `Bearer ${DEMO_TOKEN}` } } },
    ),
  );
  try {
    const { tools } = await client.listTools();
    const ours = tools
      .map(t => t.name)
      .filter(n => n.startsWith('ai-conformance.'))
      .sort();
    expect(ours).toEqual(TOOLS);
    for (const name of TOOLS) {
      const described = tools.find(t => t.name === name)!;
      expect(described.inputSchema.type).toBe('object');
    }

    const run = await client.callTool({
      name: 'ai-conformance.run-ai-conformance-check',
      arguments: { cluster: 'gke-ai-prod', waitSeconds: 90 },
    });
    expect(run.isError).toBeFalsy();
    expect(run.structuredContent).toMatchObject({
      finished: true,
      run: { entityRef: 'resource:default/gke-ai-prod', status: 'succeeded' },
    });

    const got = await client.callTool({
      name: 'ai-conformance.get-cluster-ai-conformance',
      arguments: { cluster: 'gke-ai-prod' },
    });
    expect(got.isError).toBeFalsy();
    expect(got.structuredContent).toMatchObject({
      entityRef: 'resource:default/gke-ai-prod',
      verdict: 'conformant',
      checklistVersion: '1.34',
      failing: [],
    });
    expect(['bronze', 'silver', 'gold']).toContain(
      (got.structuredContent as { level?: string }).level,
    );
  } finally {
    await client.close();
  }
});
