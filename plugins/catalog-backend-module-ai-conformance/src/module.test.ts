import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  type CatalogProcessor,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  aiConformanceServiceRef,
  type AiConformanceServiceBroker,
} from '@ai-conformance/plugin-ai-conformance-node';
import {
  REQUIREMENTS_VERSION_LABEL,
  VERDICT_LABEL,
} from './AiConformanceLabelProcessor';
import { catalogModuleAiConformance } from './module';

const cluster = (labels?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'gke-a', namespace: 'default', labels },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
});

async function start(catalogLabels?: { enabled: boolean }) {
  const processors: CatalogProcessor[] = [];
  const service = {
    listSummaries: jest.fn(async () => [
      {
        entityRef: 'resource:default/gke-a',
        verdict: 'not-conformant',
        requirementsVersion: '1.34',
      },
    ]),
    onRunFinished: jest.fn(() => () => {}),
  };
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        {
          addProcessor: (...p: any[]) => processors.push(...p.flat()),
          addEntityProvider: () => {},
          addPlaceholderResolver: () => {},
          setOnProcessingErrorHandler: () => {},
        },
      ],
    ],
    features: [
      catalogModuleAiConformance,
      catalogServiceMock.factory(),
      createServiceFactory({
        service: aiConformanceServiceRef,
        deps: {},
        factory: () => service as unknown as AiConformanceServiceBroker,
      }),
      mockServices.rootConfig.factory({
        data: catalogLabels ? { aiConformance: { catalogLabels } } : {},
      }),
    ],
  });
  // The cache is filled by a start-up hook that is not awaited.
  await new Promise(r => setTimeout(r, 50));
  return { backend, processors, service };
}

describe('catalogModuleAiConformance', () => {
  it('stamps the latest verdict by default and follows finished runs', async () => {
    const { backend, processors, service } = await start();
    try {
      expect(processors).toHaveLength(1);
      const out = await processors[0].preProcessEntity!(
        cluster(),
        {} as any,
        jest.fn(),
        {} as any,
        {} as any,
      );
      expect(out.metadata.labels).toEqual({
        [VERDICT_LABEL]: 'not-conformant',
        [REQUIREMENTS_VERSION_LABEL]: '1.34',
      });
      expect(service.onRunFinished).toHaveBeenCalledTimes(1);
    } finally {
      await backend.stop();
    }
  });

  it('emits no verdict labels with aiConformance.catalogLabels.enabled: false', async () => {
    const { backend, processors, service } = await start({ enabled: false });
    try {
      expect(processors).toHaveLength(1);
      const out = await processors[0].preProcessEntity!(
        cluster({ team: 'ml', [VERDICT_LABEL]: 'conformant' }),
        {} as any,
        jest.fn(),
        {} as any,
        {} as any,
      );
      // Nothing stamped, and a hand-written claim is removed.
      expect(out.metadata.labels).toEqual({ team: 'ml' });
      expect(service.listSummaries).not.toHaveBeenCalled();
      expect(service.onRunFinished).not.toHaveBeenCalled();
    } finally {
      await backend.stop();
    }
  });
});
