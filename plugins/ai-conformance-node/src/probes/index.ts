export {
  PROBE_DEFINITIONS,
  PROBE_OBJECT_NAME,
  getProbeDefinition,
} from './probeDefinitions';
export type { ProbeDefinition } from './probeDefinitions';
export { classifyDryRun, runProbes } from './runProbes';
export type { RunProbesOptions } from './runProbes';
