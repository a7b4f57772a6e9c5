import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AiConformanceServiceBroker,
  aiConformanceServiceRef,
} from '@ai-conformance/plugin-ai-conformance-node';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import techInsightsBackend from '@backstage-community/plugin-tech-insights-backend';
import techInsightsJsonRulesEngine from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { parse } from 'yaml';
import { techInsightsModuleAiConformance } from './module';
import { fakeService, latestResult } from './__testUtils__/fakeResults';

const cluster = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/ai-platform' },
});

const recent = new Date(Date.now() - 60 * 60 * 1000).toISOString();

const results = [
  latestResult({
    entityRef: 'resource:default/gke-ai-prod',
    verdict: 'conformant',
    statuses: [
      ['ai_inference', 'MUST', 'pass'],
      ['gang_scheduling', 'MUST', 'pass'],
      ['dra_support', 'MUST', 'pass'],
    ],
    gpus: 4,
    lastRunAt: recent,
  }),
  latestResult({
    entityRef: 'resource:default/gke-legacy-batch',
    verdict: 'not-conformant',
    statuses: [
      ['ai_inference', 'MUST', 'fail'],
      ['gang_scheduling', 'MUST', 'fail'],
      ['dra_support', 'SHOULD', 'pass'],
    ],
    kubernetesVersion: 'v1.33.5-gke.1080000',
    lastRunAt: recent,
  }),
];

const exampleConfig = parse(
  readFileSync(path.resolve(__dirname, '../app-config.example.yaml'), 'utf8'),
);

async function waitForFacts(server: any, entity: string) {
  for (let i = 0; i < 60; i++) {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({ entity, 'ids[]': 'aiConformanceFactRetriever' });
    if (res.status === 200 && res.body.aiConformanceFactRetriever) {
      return res.body.aiConformanceFactRetriever.facts;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`no facts stored for ${entity}`);
}

describe('techInsightsModuleAiConformance', () => {
  it('stores facts for cluster entities and the example checks judge them', async () => {
    const { server } = await startTestBackend({
      features: [
        techInsightsBackend,
        techInsightsJsonRulesEngine,
        techInsightsModuleAiConformance,
        catalogServiceMock.factory({
          entities: [
            cluster('gke-ai-prod'),
            cluster('gke-legacy-batch'),
            cluster('never-checked'),
          ],
        }),
        createServiceFactory({
          service: aiConformanceServiceRef,
          deps: {},
          factory: () => {
            const broker = new AiConformanceServiceBroker();
            broker.register(fakeService(results));
            return broker;
          },
        }),
        mockServices.rootConfig.factory({ data: exampleConfig }),
        // Runs every scheduled task (our retriever too) once at start-up.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });

    const prod = await waitForFacts(server, 'resource:default/gke-ai-prod');
    expect(prod).toMatchObject({
      verdict: 'conformant',
      conformant: true,
      level: 'gold',
      mustPassed: 3,
      mustTotal: 3,
      acceleratorCount: 4,
      gkeVersionCertified: true,
      ai_inference: true,
    });
    const legacy = await waitForFacts(
      server,
      'resource:default/gke-legacy-batch',
    );
    expect(legacy).toMatchObject({
      verdict: 'not-conformant',
      conformant: false,
      level: 'none',
      ai_inference: false,
    });
    const unchecked = await waitForFacts(
      server,
      'resource:default/never-checked',
    );
    expect(unchecked).toMatchObject({
      verdict: 'unchecked',
      conformant: false,
    });

    const run = async (name: string) => {
      const res = await request(server)
        .post(`/api/tech-insights/checks/run/default/resource/${name}`)
        .send({});
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.map((r: any) => [r.check.id, r.result]),
      );
    };
    expect(await run('gke-ai-prod')).toEqual({
      aiConformanceConformant: true,
      aiConformanceNoFailingMust: true,
      aiConformanceGold: true,
      aiConformanceGatewayApi: true,
    });
    expect(await run('gke-legacy-batch')).toEqual({
      aiConformanceConformant: false,
      aiConformanceNoFailingMust: false,
      aiConformanceGold: false,
      aiConformanceGatewayApi: false,
    });
  }, 60_000);

  it('serves each example check with maturity metadata (rank, category, solution)', async () => {
    // The checks come from config (the jsonfc module reads them).
    const { server } = await startTestBackend({
      features: [
        techInsightsBackend,
        techInsightsJsonRulesEngine,
        mockServices.rootConfig.factory({ data: exampleConfig }),
      ],
    });
    const res = await request(server).get('/api/tech-insights/checks');
    expect(res.status).toBe(200);
    const configured = Object.keys(
      exampleConfig.techInsights.factChecker.checks,
    );
    expect(res.body.map((c: any) => c.id).sort()).toEqual(configured.sort());
    // As @backstage-community/plugin-tech-insights-maturity reads them:
    // rank 1 bronze, 2 silver, 3 gold; checks grouped by category; the
    // solution shown for a failing check.
    const ranks = Object.fromEntries(
      res.body.map((c: any) => [c.id, c.metadata.rank]),
    );
    expect(ranks).toEqual({
      aiConformanceNoFailingMust: 1,
      aiConformanceGatewayApi: 1,
      aiConformanceConformant: 2,
      aiConformanceGold: 3,
    });
    for (const check of res.body) {
      expect(check.metadata).toEqual({
        rank: expect.any(Number),
        category: 'AI Conformance',
        solution: expect.stringMatching(/\S{3,}/),
      });
    }
    // The demo portal configures the same checks.
    const demo = parse(
      readFileSync(path.resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
    );
    expect(demo.techInsights.factChecker).toEqual(
      exampleConfig.techInsights.factChecker,
    );
    const gateway = res.body.find(
      (c: any) => c.id === 'aiConformanceGatewayApi',
    );
    expect(gateway.metadata.solution).toContain('--gateway-api=standard');
  }, 60_000);

  it('emits no fact values with aiConformance.techInsights.enabled: false', async () => {
    const service = fakeService(results);
    const listSummaries = jest.spyOn(service, 'listSummaries');
    const { server } = await startTestBackend({
      features: [
        techInsightsBackend,
        techInsightsJsonRulesEngine,
        techInsightsModuleAiConformance,
        catalogServiceMock.factory({
          entities: [cluster('gke-ai-prod'), cluster('gke-legacy-batch')],
        }),
        createServiceFactory({
          service: aiConformanceServiceRef,
          deps: {},
          factory: () => {
            const broker = new AiConformanceServiceBroker();
            broker.register(service);
            return broker;
          },
        }),
        mockServices.rootConfig.factory({
          data: {
            ...exampleConfig,
            aiConformance: { techInsights: { enabled: false } },
          },
        }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    });

    // The retriever ran: each cluster's latest fact set is empty.
    for (const name of ['gke-ai-prod', 'gke-legacy-batch']) {
      expect(await waitForFacts(server, `resource:default/${name}`)).toEqual(
        {},
      );
    }
    expect(listSummaries).not.toHaveBeenCalled();
    const res = await request(server)
      .post('/api/tech-insights/checks/run/default/resource/gke-ai-prod')
      .send({});
    // With no fact values the example checks have nothing to judge.
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  }, 60_000);
});
