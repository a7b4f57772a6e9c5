export * from './types';
export { parseSnapshot } from './parseSnapshot';
