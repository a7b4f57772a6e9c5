import {
  getChecklist,
  getChecklistVersions,
  registerChecklist,
  unregisterChecklist,
} from './checklistRegistry';
import { CHECKLIST_VERSIONS, REQUIREMENTS } from './requirementDefinitions';

const ids = (version: string) =>
  getChecklist(version).requirements.map(r => r.id);

describe('requirement catalog', () => {
  it('knows 16 distinct ids', () => {
    expect(new Set(REQUIREMENTS.map(r => r.id)).size).toBe(16);
  });

  it('lists the requirements of each version with their levels', () => {
    expect(CHECKLIST_VERSIONS).toEqual([
      '1.33',
      '1.34',
      '1.35',
      '1.36',
      '1.37',
    ]);
    expect(ids('1.33')).toHaveLength(9);
    expect(ids('1.34')).toHaveLength(9);
    expect(ids('1.35')).toHaveLength(12);
    expect(ids('1.36')).toHaveLength(14);
    expect(ids('1.37')).toHaveLength(15);
    const level = (v: string, id: string) =>
      getChecklist(v).requirements.find(r => r.id === id)?.level;
    expect(level('1.33', 'dra_support')).toBe('SHOULD');
    expect(level('1.34', 'dra_support')).toBe('MUST');
    expect(level('1.35', 'dra_support')).toBe('MUST');
    expect(level('1.36', 'dra_support')).toBeUndefined();
    expect(level('1.37', 'workload_sandboxing')).toBe('SHOULD');
    expect(level('1.36', 'workload_sandboxing')).toBeUndefined();
    expect(level('1.36', 'disaggregated_inference')).toBe('SHOULD');
    expect(level('1.35', 'gpu_sharing')).toBe('SHOULD');
  });

  it('marks conditional requirements', () => {
    const conditional = getChecklist('1.37')
      .requirements.filter(r => r.conditional)
      .map(r => r.id)
      .sort();
    expect(conditional).toEqual([
      'cluster_autoscaling',
      'gpu_sharing',
      'high_performance_networking',
      'pod_autoscaling',
      'virtualized_accelerator',
    ]);
  });

  it('links each requirement to its checklist and KAR', () => {
    const gang = getChecklist('v1.34').requirements.find(
      r => r.id === 'gang_scheduling',
    )!;
    expect(gang.links.map(l => l.url)).toEqual([
      'https://github.com/cncf/k8s-ai-conformance/blob/main/docs/AIConformance-1.34.yaml',
      'https://github.com/kubernetes-sigs/ai-conformance/tree/main/kars/0053-gang-scheduling',
    ]);
    expect(gang.officialTests).toEqual(['TestGangScheduling']);
  });

  it('throws InputError for unknown versions', () => {
    expect(() => getChecklist('1.20')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
    expect(() => getChecklist('banana')).toThrow(/Unknown AI Conformance/);
  });

  it('returns copies that callers cannot corrupt', () => {
    getChecklist('1.34').requirements[0].links.push({ title: 'x', url: 'y' });
    expect(getChecklist('1.34').requirements[0].links).toHaveLength(2);
  });
});

describe('registerChecklist', () => {
  afterEach(() => {
    unregisterChecklist('1.35');
    unregisterChecklist('1.38');
  });

  it('adds a version and keeps known titles', () => {
    registerChecklist({
      version: 'v1.38',
      items: [
        {
          id: 'ai_inference',
          category: 'networking',
          level: 'MUST',
          description: 'Official text.',
        },
        {
          id: 'new_thing',
          category: 'operator',
          level: 'SHOULD',
          description: 'If the platform offers X, it should do Y.',
        },
      ],
    });
    expect(getChecklistVersions()).toContain('1.38');
    const c = getChecklist('1.38');
    expect(c.source).toBe('registered');
    expect(c.requirements[0]).toMatchObject({
      id: 'ai_inference',
      title: 'Gateway API for inference traffic',
      officialDescription: 'Official text.',
      conditional: false,
    });
    expect(c.requirements[1]).toMatchObject({
      id: 'new_thing',
      title: 'New thing',
      conditional: true,
      description: 'If the platform offers X, it should do Y.',
    });
  });

  it('overrides a built-in version until unregistered', () => {
    registerChecklist({
      version: '1.35',
      items: [
        {
          id: 'gpu_sharing',
          category: 'accelerators',
          level: 'MUST',
          description: 'changed',
        },
      ],
    });
    expect(ids('1.35')).toEqual(['gpu_sharing']);
    expect(getChecklist('1.35').requirements[0].level).toBe('MUST');
    unregisterChecklist('1.35');
    expect(ids('1.35')).toHaveLength(12);
  });
});
