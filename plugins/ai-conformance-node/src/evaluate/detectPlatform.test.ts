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

  const node = (opts: Parameters<typeof makeNode>[1]) =>
    makeSnapshot({ gitVersion: 'v1.35.1', nodes: [makeNode('n', opts)] });

  it.each([
    ['v1.34.1-aliyun.1', 'ack'],
    ['v1.35.5-r0-35.0.3', 'cce'],
    ['v1.35.1+rke2r1', 'rke2'],
    ['v1.33.4+k3s1', 'k3s'],
    ['v1.35.0+vmware.1-fips', 'vks'],
  ])('reads the platform from the server version %s', (gitVersion, want) => {
    expect(detectPlatform(makeSnapshot({ gitVersion }))).toBe(want);
  });

  it.each([
    [
      { labels: { 'oke.oraclecloud.com/node.info.private_worker': 'true' } },
      'oke',
    ],
    [{ providerID: 'ocid1.instance.oc1.iad.anuwcljs' }, 'oke'],
    [{ labels: { 'alibabacloud.com/nodepool-id': 'np1' } }, 'ack'],
    [{ labels: { 'cce.cloud.com/cce-nodepool': 'gpu-pool' } }, 'cce'],
    [{ providerID: 'linode://81000001' }, 'lke'],
    [{ labels: { 'node.coreweave.cloud/class': 'gpu' } }, 'coreweave'],
    [{ providerID: 'vsphere://4229a1b2' }, 'vks'],
    [{ providerID: 'rke2://rke2-gpu-0' }, 'rke2'],
    [{ labels: { 'kubernetes.azure.com/agentpool': 'gpunp' } }, 'aks'],
  ])('reads the platform from node %j', (opts, want) => {
    expect(detectPlatform(node(opts))).toBe(want);
  });

  it('names the distribution, not the cloud it runs on', () => {
    expect(
      detectPlatform(
        node({
          labels: { 'worker.gardener.cloud/pool': 'gpu' },
          providerID: 'aws:///eu-west-1a/i-0',
        }),
      ),
    ).toBe('gardener');
    expect(
      detectPlatform(
        node({
          labels: { 'kops.k8s.io/instancegroup': 'nodes' },
          providerID: 'aws:///us-east-2a/i-0',
        }),
      ),
    ).toBe('kops');
    const talos = makeSnapshot({ gitVersion: 'v1.34.1', nodes: [] });
    const n = makeNode('t');
    (n.status as Record<string, unknown>).nodeInfo = {
      osImage: 'Talos (v1.11.3)',
    };
    (talos.reads.nodes as { items: unknown[] }).items = [n];
    expect(detectPlatform(talos)).toBe('talos');
  });

  it('does not take a plain version or an unknown cloud for a platform', () => {
    expect(
      detectPlatform(node({ providerID: 'aws:///us-east-1a/i-0abc' })),
    ).toBe('generic');
  });
});
