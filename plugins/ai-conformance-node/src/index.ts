/**
 * The AI Conformance check engine: cluster access, snapshot collection,
 * pure evaluation, and the service ref shared by backend modules.
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
