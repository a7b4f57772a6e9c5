import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  acceleratorMetricsApiRef,
  type MetricsRange,
} from '../../api/AcceleratorMetricsClient';

/** Loads `GET /clusters/:namespace/:name/accelerators` for a range. */
export function useAccelerators(
  entity: CompoundEntityRef,
  range: MetricsRange,
) {
  const api = useApi(acceleratorMetricsApiRef);
  return useAsyncRetry(
    () => api.getAccelerators(entity, range),
    [api, entity.kind, entity.namespace, entity.name, range],
  );
}
