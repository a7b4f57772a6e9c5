import { parse } from 'yaml';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderCatalogInfo } from './renderCatalogInfo';

describe('renderCatalogInfo', () => {
  it('describes the cluster as a kubernetes-cluster Resource with Google auth and the target version', () => {
    const entity = parse(
      renderCatalogInfo(
        planGkeCluster(exampleSpec({ owner: 'group:default/ml-research' })),
      ),
    );
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'gke-ai-dev',
        labels: { 'ai-conformance.io/target-version': '1.34' },
        annotations: {
          'kubernetes.io/auth-provider': 'google',
          'ai-conformance.io/gke-project': 'my-project',
          'ai-conformance.io/gke-location': 'us-central1',
        },
      },
      spec: { type: 'kubernetes-cluster', owner: 'group:default/ml-research' },
    });
  });
});
