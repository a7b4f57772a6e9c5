import type { Platform } from '@ai-conformance/plugin-ai-conformance-common';
import type { RequirementLevel } from '@ai-conformance/plugin-ai-conformance-common';
import type { CheckContext } from '../checks/types';
import type { ClusterSnapshot, ReadResult } from '../snapshot/types';
import type { DeclaredSolution } from '../solutions/declaredSolutions';

/**
 * Builds the pure view a check evaluates against.
 *
 * @public
 */
export function createCheckContext(options: {
  snapshot: ClusterSnapshot;
  platform: Platform;
  requirementsVersion: string;
  level: RequirementLevel;
  /** Components the site declared; default none. */
  solutions?: readonly DeclaredSolution[];
}): CheckContext {
  const { snapshot } = options;
  const minor = Number.parseInt(
    String(snapshot.version.info?.minor ?? '').replace(/\D+$/, ''),
    10,
  );
  const read = (key: string): ReadResult =>
    snapshot.reads[key] ?? {
      outcome: 'skipped',
      request: key,
      message: `read "${key}" was not collected`,
    };
  const group = (name: string) =>
    snapshot.discovery.groups.find(g => g.name === name);
  return {
    ...options,
    solutions: options.solutions ?? [],
    clusterMinor: Number.isNaN(minor) ? undefined : minor,
    read,
    items: key => {
      const r = read(key);
      if (r.outcome !== 'ok') return undefined;
      if (r.items) return r.items;
      return r.object ? [r.object] : [];
    },
    served: (name, version) => {
      const g = group(name);
      if (!g) return false;
      return version ? g.versions.some(v => v.version === version) : true;
    },
    group,
    probe: id => snapshot.probes[id],
  };
}
