export { aiConformancePlugin as default } from './plugin';
