import { loadClientNode } from './loadClientNode';

describe('loadClientNode', () => {
  it('loads the ESM client', async () => {
    const k8s = await loadClientNode();
    const kc = new k8s.KubeConfig();
    expect(typeof kc.loadFromString).toBe('function');
  });
});
