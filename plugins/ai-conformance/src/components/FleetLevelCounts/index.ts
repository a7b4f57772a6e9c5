export { FleetLevelCounts } from './FleetLevelCounts';
