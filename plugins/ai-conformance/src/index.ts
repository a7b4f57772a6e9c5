export { aiConformancePlugin, EntityAiConformanceContent } from './plugin';
export { isAiConformanceAvailable } from './filters';
