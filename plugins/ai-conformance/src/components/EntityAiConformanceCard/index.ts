export { EntityAiConformanceCard } from './EntityAiConformanceCard';
