import { REQUIREMENTS } from '@ai-conformance/plugin-ai-conformance-common';
import { allChecks } from './index';

describe('allChecks', () => {
  it('has one check per catalog requirement id', () => {
    expect(allChecks.map(c => c.id).sort()).toEqual(
      REQUIREMENTS.map(r => r.id).sort(),
    );
  });

  it('declares each read key with one spec only, and never reads secrets', () => {
    const byKey = new Map<string, string>();
    for (const read of allChecks.flatMap(c => c.reads)) {
      const json = JSON.stringify(read);
      expect(byKey.get(read.key) ?? json).toBe(json);
      byKey.set(read.key, json);
      expect(read.resource).not.toBe('secrets');
    }
    expect(byKey.size).toBeGreaterThan(10);
  });
});
