export { RequirementList, groupByCategory } from './RequirementList';
