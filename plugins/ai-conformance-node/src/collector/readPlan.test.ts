import {
  describeRead,
  isForbiddenResource,
  planReads,
  readPath,
} from './readPlan';

describe('planReads', () => {
  it('merges reads by key, widening metadata-only reads', () => {
    const plan = planReads([
      {
        key: 'd',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        metadataOnly: true,
      },
      { key: 'd', group: 'apps', version: 'v1', resource: 'deployments' },
      { key: 'n', group: '', version: 'v1', resource: 'nodes' },
    ]);
    expect(plan).toEqual([
      {
        key: 'd',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        metadataOnly: false,
      },
      { key: 'n', group: '', version: 'v1', resource: 'nodes' },
    ]);
  });

  it('refuses one key for two different reads', () => {
    expect(() =>
      planReads([
        { key: 'x', group: 'apps', version: 'v1', resource: 'deployments' },
        { key: 'x', group: 'apps', version: 'v1', resource: 'daemonsets' },
      ]),
    ).toThrow(/declared for two different reads/);
  });
});

describe('read helpers', () => {
  it('describes and locates reads', () => {
    const cm = {
      key: 'c',
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespace: 'kube-system',
      name: 'cluster-autoscaler-status',
    };
    expect(describeRead(cm)).toBe(
      'get v1 configmaps kube-system/cluster-autoscaler-status',
    );
    expect(readPath(cm, 'v1')).toBe(
      '/api/v1/namespaces/kube-system/configmaps/cluster-autoscaler-status',
    );
    const crds = {
      key: 'k',
      group: 'apiextensions.k8s.io',
      version: '*',
      resource: 'customresourcedefinitions',
      metadataOnly: true,
    };
    expect(describeRead(crds, 'v1')).toBe(
      'list apiextensions.k8s.io/v1 customresourcedefinitions [metadata]',
    );
    expect(readPath(crds, 'v1')).toBe(
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
    );
  });

  it('never allows Secrets', () => {
    expect(isForbiddenResource({ group: '', resource: 'secrets' })).toBe(true);
    expect(isForbiddenResource({ group: '', resource: 'configmaps' })).toBe(
      false,
    );
  });
});
