import type { ReadSpec } from '../snapshot/types';

/**
 * Reads the engine itself needs, besides the checks': full Node objects
 * (labels, provider IDs and capacity) for platform detection and the
 * accelerator summary. Same key and spec as the checks' node read, so the
 * nodes are listed once.
 *
 * @public
 */
export const ENGINE_READS: ReadSpec[] = [
  { key: 'nodes', group: '', version: 'v1', resource: 'nodes' },
];
