/**
 * The AI Conformance check engine: cluster access, snapshot collection,
 * pure evaluation, the run pipeline, and the service ref and extension point
 * shared by backend modules.
 * @packageDocumentation
 */
export * from './snapshot';
export * from './checks';
export * from './cluster';
export * from './collector';
export * from './evaluate';
export * from './artifacts';
export * from './probes';
export * from './service';
export * from './accelerators';
export * from './levels';
export * from './solutions';
export * from './extensions';
export * from './active';
export * from './bundle';
