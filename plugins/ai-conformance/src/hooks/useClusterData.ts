import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aiConformanceApiRef } from '../api';

/** The latest report of a cluster (for a checklist version when given). */
export function useClusterDetail(entity: CompoundEntityRef, version?: string) {
  const api = useApi(aiConformanceApiRef);
  return useAsyncRetry(
    () => api.getCluster(entity, version ? { version } : undefined),
    [api, entity.namespace, entity.name, version],
  );
}

/** Past runs of a cluster. */
export function useRunHistory(entity: CompoundEntityRef) {
  const api = useApi(aiConformanceApiRef);
  return useAsyncRetry(
    async () => (await api.getRunHistory(entity, { limit: 50 })).items,
    [api, entity.namespace, entity.name],
  );
}
