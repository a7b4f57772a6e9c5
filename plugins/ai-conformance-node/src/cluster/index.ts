export { loadClientNode } from './loadClientNode';
