export {
  CHECKLIST_VERSIONS,
  REQUIREMENTS,
  getRequirementDefinition,
  officialChecklistUrl,
  requirementLinks,
} from './requirementDefinitions';
export type {
  BuiltInChecklistVersion,
  RequirementDefinition,
} from './requirementDefinitions';
export { parseOfficialChecklist } from './officialChecklistParser';
export type {
  OfficialChecklistItem,
  ParsedOfficialChecklist,
} from './officialChecklistParser';
export {
  getChecklist,
  getChecklistVersions,
  normalizeChecklistVersion,
  registerChecklist,
  unregisterChecklist,
} from './checklistRegistry';
export type { Checklist, ChecklistRequirement } from './checklistRegistry';
