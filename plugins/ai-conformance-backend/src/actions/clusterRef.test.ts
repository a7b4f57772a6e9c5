import { InputError } from '@backstage/errors';
import { parseClusterRef } from './clusterRef';

describe('parseClusterRef', () => {
  it('reads a bare name as a Resource in the default namespace', () => {
    expect(parseClusterRef('gke-ai-prod')).toEqual({
      namespace: 'default',
      name: 'gke-ai-prod',
    });
  });

  it('reads full and kind-less entity refs', () => {
    expect(parseClusterRef('resource:prod/gke-a')).toEqual({
      namespace: 'prod',
      name: 'gke-a',
    });
    expect(parseClusterRef('Resource:default/gke-b')).toEqual({
      namespace: 'default',
      name: 'gke-b',
    });
    expect(parseClusterRef('team/gke-c')).toEqual({
      namespace: 'team',
      name: 'gke-c',
    });
  });

  it('refuses another kind and malformed refs with an InputError', () => {
    expect(() => parseClusterRef('component:default/gke-ai-prod')).toThrow(
      InputError,
    );
    expect(() => parseClusterRef('component:default/gke-ai-prod')).toThrow(
      /clusters are Resource entities, not component/,
    );
    expect(() => parseClusterRef('a:b:c/d/e')).toThrow(InputError);
  });
});
