export { RequirementRow } from './RequirementRow';
