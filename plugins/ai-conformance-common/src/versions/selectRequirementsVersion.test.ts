import {
  registerChecklist,
  unregisterChecklist,
} from '../catalog/checklistRegistry';
import { selectRequirementsVersion } from './selectRequirementsVersion';

describe('selectRequirementsVersion', () => {
  it('follows the cluster minor without a finding', () => {
    expect(selectRequirementsVersion('v1.34.1-gke.1829001')).toEqual({
      version: '1.34',
    });
    expect(selectRequirementsVersion('v1.37.0')).toEqual({ version: '1.37' });
  });

  it('falls back to the newest known checklist for newer clusters', () => {
    const choice = selectRequirementsVersion('v1.40.2');
    expect(choice.version).toBe('1.37');
    expect(choice.finding).toMatchObject({
      id: 'checklist-version',
      severity: 'warning',
    });
    expect(choice.finding?.summary).toContain('1.40');
  });

  it('falls back to 1.33 for older clusters', () => {
    const choice = selectRequirementsVersion('v1.31.4-gke.100');
    expect(choice.version).toBe('1.33');
    expect(choice.finding?.severity).toBe('warning');
  });

  it('uses the newest checklist when the cluster version is unknown', () => {
    const choice = selectRequirementsVersion(undefined);
    expect(choice.version).toBe('1.37');
    expect(choice.finding?.summary).toMatch(/unknown/);
  });

  it('lets an explicit override win', () => {
    const choice = selectRequirementsVersion('v1.36.0', 'v1.34');
    expect(choice.version).toBe('1.34');
    expect(choice.finding).toMatchObject({ severity: 'info' });
    expect(() => selectRequirementsVersion('v1.36.0', '1.12')).toThrow(
      /Unknown AI Conformance checklist version "1.12"/,
    );
  });

  it('picks up registered newer checklists', () => {
    registerChecklist({
      version: '1.38',
      items: [
        {
          id: 'gang_scheduling',
          category: 'schedulingOrchestration',
          level: 'MUST',
          description: 'Gang scheduling.',
        },
      ],
    });
    try {
      expect(selectRequirementsVersion('v1.38.1')).toEqual({ version: '1.38' });
      expect(selectRequirementsVersion('v1.39.0').version).toBe('1.38');
    } finally {
      unregisterChecklist('1.38');
    }
    expect(selectRequirementsVersion('v1.38.1').version).toBe('1.37');
  });
});
