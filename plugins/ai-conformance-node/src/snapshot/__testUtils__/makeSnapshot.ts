import type { ClusterSnapshot, KubeObject } from '../types';

/** A small, valid snapshot for engine tests. */
export function makeSnapshot(
  options: {
    gitVersion?: string;
    nodes?: KubeObject[];
    groups?: string[];
    overrides?: Partial<ClusterSnapshot>;
  } = {},
): ClusterSnapshot {
  const gitVersion = options.gitVersion ?? 'v1.34.1-gke.1829001';
  const minor = /^v?\d+\.(\d+)/.exec(gitVersion)?.[1] ?? '';
  return {
    schemaVersion: 1,
    collectedAt: '2026-11-01T10:00:00.000Z',
    cluster: { name: 'test', server: 'https://10.0.0.1' },
    version: { outcome: 'ok', info: { major: '1', minor, gitVersion } },
    discovery: {
      source: 'aggregated',
      outcome: 'ok',
      groups: [
        {
          name: '',
          preferredVersion: 'v1',
          versions: [{ version: 'v1', resources: [] }],
        },
        ...(options.groups ?? []).map(name => ({
          name,
          preferredVersion: 'v1',
          versions: [{ version: 'v1', resources: [] }],
        })),
      ],
      failures: [],
    },
    reads: {
      nodes: {
        outcome: 'ok',
        request: 'list v1 nodes',
        version: 'v1',
        items: options.nodes ?? [],
        requests: 1,
      },
    },
    probes: {},
    stats: { apiRequests: 4, durationMs: 120, waves: 2 },
    ...options.overrides,
  };
}

export function makeNode(
  name: string,
  options: {
    labels?: Record<string, string>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    providerID?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: options.labels ?? {} },
    spec: options.providerID ? { providerID: options.providerID } : {},
    status: {
      capacity: options.capacity ?? {},
      allocatable: options.allocatable ?? options.capacity ?? {},
    },
  };
}
