/**
 * Shared by the browser and Node: the requirement catalog, version rules,
 * result and API types, and permissions of the AI Conformance plugins.
 * @packageDocumentation
 */
export * from './types';
export * from './api';
export * from './schema';
export * from './permissions';
export * from './catalog';
export * from './versions';
export * from './results';
export * from './productYaml';
export * from './levels';
export * from './accelerators';
export * from './addons';
export * from './terraform';
export * from './escaping';
export * from './markdown';
