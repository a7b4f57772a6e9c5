export { EntityAiConformanceContent } from './EntityAiConformanceContent';
export type { EntityAiConformanceContentProps } from './EntityAiConformanceContent';
