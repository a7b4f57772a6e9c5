export { FleetFilters } from './FleetFilters';
export type { FleetFilterOptions } from './FleetFilters';
