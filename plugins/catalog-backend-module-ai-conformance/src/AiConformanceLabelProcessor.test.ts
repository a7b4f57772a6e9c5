import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { AiConformanceService } from '@ai-conformance/plugin-ai-conformance-node';
import {
  AiConformanceLabelProcessor,
  REQUIREMENTS_VERSION_LABEL,
  VERDICT_LABEL,
} from './AiConformanceLabelProcessor';
import { LatestVerdictCache } from './LatestVerdictCache';

function entity(
  name: string,
  type = 'kubernetes-cluster',
  labels?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { type, owner: 'group:default/platform' },
  };
}

function summary(
  entityRef: string,
  verdict: string | null,
  requirementsVersion: string | null,
) {
  return {
    entityRef,
    verdict,
    requirementsVersion,
    mustPassed: 0,
    mustTotal: 0,
    shouldPassed: 0,
    shouldTotal: 0,
    platform: null,
    kubernetesVersion: null,
    lastRunAt: null,
  };
}

function service(
  listSummaries: AiConformanceService['listSummaries'],
): AiConformanceService {
  return {
    listSummaries,
    // Labels never read reports.
    listLatest: jest.fn(async () => {
      throw new Error('labels read no report');
    }),
    getLatest: jest.fn(),
    requestRun: jest.fn(),
    getRun: jest.fn(),
    onRunFinished: jest.fn(() => () => {}),
  } as unknown as AiConformanceService;
}

describe('AiConformanceLabelProcessor', () => {
  it('stamps cluster entities with their latest verdict and checklist version', async () => {
    const cache = new LatestVerdictCache(
      service(async () => [
        summary('resource:default/gke-a', 'conformant', '1.34') as any,
        summary('resource:default/never', null, null) as any,
      ]),
      mockServices.logger.mock(),
    );
    await cache.refresh();
    const processor = new AiConformanceLabelProcessor(cache);

    const out = await processor.preProcessEntity(
      entity('gke-a', 'kubernetes-cluster', { team: 'ml' }),
    );
    expect(out.metadata.labels).toEqual({
      team: 'ml',
      [VERDICT_LABEL]: 'conformant',
      [REQUIREMENTS_VERSION_LABEL]: '1.34',
    });
  });

  it('removes stale or hand-written labels from clusters without a result, and leaves other entities alone', async () => {
    const cache = new LatestVerdictCache(
      service(async () => []),
      mockServices.logger.mock(),
    );
    await cache.refresh();
    const processor = new AiConformanceLabelProcessor(cache);
    const claimed = entity('never', 'kubernetes-cluster', {
      [VERDICT_LABEL]: 'conformant',
    });
    expect((await processor.preProcessEntity(claimed)).metadata.labels).toEqual(
      {},
    );
    const db = entity('db', 'database', { [VERDICT_LABEL]: 'x' });
    expect(await processor.preProcessEntity(db)).toBe(db);
  });

  it('follows finished runs and keeps old data when the service is unavailable', async () => {
    const logger = mockServices.logger.mock();
    const cache = new LatestVerdictCache(
      service(async () => {
        throw new Error('not registered');
      }),
      logger,
    );
    cache.set('resource:default/gke-a', {
      verdict: 'not-conformant',
      requirementsVersion: '1.35',
    });
    await cache.refresh();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/not registered/),
    );
    expect(cache.get('Resource:default/GKE-A')).toEqual({
      verdict: 'not-conformant',
      requirementsVersion: '1.35',
    });
  });

  it('stamps nothing when labels are turned off, even with a cached verdict', async () => {
    const cache = new LatestVerdictCache(
      service(async () => []),
      mockServices.logger.mock(),
    );
    cache.set('resource:default/gke-a', {
      verdict: 'conformant',
      requirementsVersion: '1.34',
    });
    const processor = new AiConformanceLabelProcessor(cache, {
      enabled: false,
    });
    const out = await processor.preProcessEntity(
      entity('gke-a', 'kubernetes-cluster', {
        team: 'ml',
        [REQUIREMENTS_VERSION_LABEL]: '1.35',
      }),
    );
    expect(out.metadata.labels).toEqual({ team: 'ml' });
  });
});
