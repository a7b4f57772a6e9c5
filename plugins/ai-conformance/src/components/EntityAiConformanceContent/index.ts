export { EntityAiConformanceContent } from './EntityAiConformanceContent';
