import { parseOfficialChecklist } from './officialChecklistParser';

const CHECKLIST = `
# comment
metadata:
  kubernetesVersion: v1.38
  platformName: "[Platform Name]"
spec:
  accelerators:
    - id: gpu_sharing
      description: "For accelerators that support sharing, offer it."
      level: SHOULD
      status: ""
      evidence: []
      notes: ""
  schedulingOrchestration:
    - id: gang_scheduling
      description: "All or nothing."
      level: MUST
      status: "Implemented"
      evidence: ["https://example.com/doc"]
      notes: ""
`;

describe('parseOfficialChecklist', () => {
  it('reads version and items keyed by id', () => {
    expect(parseOfficialChecklist(CHECKLIST)).toEqual({
      version: '1.38',
      items: [
        {
          id: 'gpu_sharing',
          category: 'accelerators',
          level: 'SHOULD',
          description: 'For accelerators that support sharing, offer it.',
        },
        {
          id: 'gang_scheduling',
          category: 'schedulingOrchestration',
          level: 'MUST',
          description: 'All or nothing.',
        },
      ],
    });
  });

  it('rejects invalid YAML', () => {
    expect(() => parseOfficialChecklist('a: [1, 2')).toThrow(/not valid YAML/);
  });

  it('rejects bad levels, categories and versions with the path', () => {
    expect(() =>
      parseOfficialChecklist(CHECKLIST.replace('level: SHOULD', 'level: MAY')),
    ).toThrow(/spec.accelerators.0.level/);
    expect(() =>
      parseOfficialChecklist(CHECKLIST.replace('accelerators:', 'gadgets:')),
    ).toThrow(/unknown category "gadgets"/);
    expect(() =>
      parseOfficialChecklist(CHECKLIST.replace('v1.38', 'latest')),
    ).toThrow(/metadata.kubernetesVersion/);
  });

  it('rejects duplicate ids and empty checklists', () => {
    expect(() =>
      parseOfficialChecklist(
        CHECKLIST.replace('id: gang_scheduling', 'id: gpu_sharing'),
      ),
    ).toThrow(/twice/);
    expect(() =>
      parseOfficialChecklist(
        'metadata:\n  kubernetesVersion: v1.38\nspec: {}\n',
      ),
    ).toThrow(/no requirements/);
  });
});
