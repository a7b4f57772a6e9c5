import { highPerformanceNetworkingCheck } from './highPerformanceNetworkingCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import {
  gpuNode,
  node,
  resourceSlice,
} from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.36' };

describe('high_performance_networking', () => {
  it('passes with GKE multi-networking', () => {
    const r = run(
      highPerformanceNetworkingCheck,
      {
        groups: {
          'networking.gke.io': {
            v1: ['networks', 'gkenetworkparamsets', 'managedcertificates'],
          },
        },
        reads: { nodes: [gpuNode('g')] },
      },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence[0].fields?.['discovery.resources']).toBe(
      'networks,gkenetworkparamsets',
    );
  });

  it('passes with a DRA network driver', () => {
    const r = run(
      highPerformanceNetworkingCheck,
      {
        groups: { 'resource.k8s.io': { v1: ['resourceslices'] } },
        reads: {
          nodes: [gpuNode('g')],
          resourceslices: [resourceSlice('n', 'dra.net', 'g')],
        },
      },
      opts,
    );
    expect(r.status).toBe('pass');
  });

  it('does not count networking.gke.io without multi-network resources', () => {
    const r = run(
      highPerformanceNetworkingCheck,
      {
        groups: { 'networking.gke.io': { v1: ['managedcertificates'] } },
        reads: { nodes: [gpuNode('g')] },
      },
      opts,
    );
    expect(r.status).toBe('fail');
  });

  it('is not applicable without accelerators', () => {
    expect(
      run(
        highPerformanceNetworkingCheck,
        { reads: { nodes: [node('c')] } },
        opts,
      ).status,
    ).toBe('not-applicable');
  });

  it('is unknown when nodes cannot be listed', () => {
    expect(
      run(
        highPerformanceNetworkingCheck,
        { reads: { nodes: failedRead('forbidden', 'list v1 nodes', 403) } },
        opts,
      ).status,
    ).toBe('unknown');
  });
});
