export { createCheckContext } from './createCheckContext';
