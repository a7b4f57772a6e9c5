import { ScenarioModel } from '../scenario/ScenarioModel';
import { ClusterStore, type StoreChange } from './ClusterStore';

function store() {
  return new ClusterStore(
    new ScenarioModel({ name: 't', version: { gitVersion: 'v1.34.1' } }),
  );
}

describe('ClusterStore.onChange', () => {
  it('reports create, update and delete with the stored object, until removed', () => {
    const s = store();
    const seen: StoreChange[] = [];
    const off = s.onChange(c => seen.push(c));
    const created = s.create('', 'configmaps', {
      metadata: { name: 'a', namespace: 'default' },
    });
    const updated = s.update('', 'configmaps', {
      ...created,
      data: { k: 'v' },
    });
    s.delete('', 'configmaps', 'default', 'a');
    s.delete('', 'configmaps', 'default', 'missing');
    off();
    s.create('', 'configmaps', {
      metadata: { name: 'b', namespace: 'default' },
    });
    expect(seen.map(c => c.verb)).toEqual(['create', 'update', 'delete']);
    expect(seen[0].object).toBe(created);
    expect(seen[1].previous).toBe(created);
    expect(seen[1].object.metadata.resourceVersion).not.toBe(
      created.metadata.resourceVersion,
    );
    expect(seen[2].object).toBe(updated);
    expect(seen[2]).toMatchObject({ group: '', resource: 'configmaps' });
  });
});
