import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createAiConformanceFactRetriever } from './createAiConformanceFactRetriever';
import { fakeService, latestResult } from './__testUtils__/fakeResults';

const cluster = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/ai-platform' },
});

function retriever(enabled?: boolean) {
  const service = fakeService([
    latestResult({
      entityRef: 'resource:default/gke-a',
      verdict: 'conformant',
      statuses: [['ai_inference', 'MUST', 'pass']],
      lastRunAt: new Date().toISOString(),
    }),
  ]);
  const listSummaries = jest.spyOn(service, 'listSummaries');
  const r = createAiConformanceFactRetriever({
    service,
    catalog: catalogServiceMock({ entities: [cluster('gke-a')] }),
    auth: mockServices.auth(),
    enabled,
  });
  return { r, listSummaries };
}

describe('createAiConformanceFactRetriever', () => {
  it('emits the verdict by default', async () => {
    const { r, listSummaries } = retriever();
    const facts = await r.handler({} as any);
    expect(facts).toEqual([
      {
        entity: { kind: 'resource', namespace: 'default', name: 'gke-a' },
        facts: expect.objectContaining({ verdict: 'conformant' }),
      },
    ]);
    expect(listSummaries).toHaveBeenCalled();
  });

  it('emits no fact values and reads no results when turned off', async () => {
    const { r, listSummaries } = retriever(false);
    const facts = await r.handler({} as any);
    expect(facts).toEqual([
      {
        entity: { kind: 'resource', namespace: 'default', name: 'gke-a' },
        facts: {},
      },
    ]);
    expect(listSummaries).not.toHaveBeenCalled();
  });
});
