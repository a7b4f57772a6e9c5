import { makeNode, makeSnapshot } from '../snapshot/__testUtils__/makeSnapshot';
import { detectPlatform } from './detectPlatform';

describe('detectPlatform', () => {
  it('recognises platforms by version, groups and nodes', () => {
    expect(detectPlatform(makeSnapshot({ gitVersion: 'v1.34.1-gke.1' }))).toBe(
      'gke',
    );
    expect(
      detectPlatform(makeSnapshot({ gitVersion: 'v1.35.1-eks-3cfe0ce' })),
    ).toBe('eks');
    expect(
      detectPlatform(
        makeSnapshot({
          gitVersion: 'v1.33.2',
          nodes: [makeNode('n', { providerID: 'azure:///subscriptions/x' })],
        }),
      ),
    ).toBe('aks');
    expect(
      detectPlatform(
        makeSnapshot({
          gitVersion: 'v1.33.2',
          nodes: [
            makeNode('n', { labels: { 'kubernetes.azure.com/cluster': 'x' } }),
          ],
        }),
      ),
    ).toBe('aks');
    expect(
      detectPlatform(
        makeSnapshot({
          gitVersion: 'v1.33.2',
          nodes: [
            makeNode('n', { labels: { 'cloud.google.com/gke-nodepool': 'p' } }),
          ],
        }),
      ),
    ).toBe('gke');
    expect(
      detectPlatform(
        makeSnapshot({
          gitVersion: 'v1.29.5+29e8ea6',
          groups: ['config.openshift.io'],
        }),
      ),
    ).toBe('openshift');
    expect(detectPlatform(makeSnapshot({ gitVersion: 'v1.36.0' }))).toBe(
      'generic',
    );
  });
});
