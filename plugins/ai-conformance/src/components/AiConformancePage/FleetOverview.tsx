import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { aiConformanceApiRef } from '../../api';
import {
  buildFleetRows,
  countByLevel,
  distinctValues,
  filterFleetRows,
  matrixColumns,
  sortFleetRows,
  type FleetFilter,
  type FleetSort,
} from '../../fleet/fleetRows';
import { VERDICT } from '../../report/statusPresentation';
import { LEVEL, LEVELS_HIGH_TO_LOW } from '../../report/levelPresentation';
import { FleetLevelCounts } from '../FleetLevelCounts';
import { FleetFilters } from '../FleetFilters';
import { FleetMatrix } from '../FleetMatrix';
import { ErrorState } from '../StatePanels';

const CLUSTER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.type',
];

/** Loads summaries and catalog clusters; the catalog is optional. */
function useFleet() {
  const api = useApi(aiConformanceApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const [summaries, catalog] = await Promise.all([
      api.listClusters(),
      catalogApi
        .getEntities({
          filter: { kind: 'resource', 'spec.type': 'kubernetes-cluster' },
          fields: CLUSTER_FIELDS,
        })
        .then(
          r => ({ entities: r.items as Entity[], error: undefined }),
          (error: Error) => ({ entities: [] as Entity[], error }),
        ),
    ]);
    return {
      rows: buildFleetRows(summaries, catalog.entities),
      catalogError: catalog.error,
    };
  }, [api, catalogApi]);
}

/** The fleet view: filters, search and the clusters × requirements matrix. */
export const FleetOverview = () => {
  const fleet = useFleet();
  const [filter, setFilter] = useState<FleetFilter>({});
  const [sort, setSort] = useState<FleetSort>({
    by: 'failures',
    direction: 'desc',
  });
  const allRows = fleet.value?.rows;

  const options = useMemo(() => {
    const rows = allRows ?? [];
    return {
      owners: distinctValues(rows, r => r.owner),
      platforms: distinctValues(rows, r => r.summary?.platform),
      versions: distinctValues(rows, r => r.summary?.requirementsVersion),
      verdicts: [
        ...Object.entries(VERDICT).map(([value, p]) => ({
          value,
          label: p.label,
        })),
        { value: 'never-checked', label: 'Never checked' },
      ],
      levels: LEVELS_HIGH_TO_LOW.map(value => ({
        value,
        label: LEVEL[value].label,
      })),
    };
  }, [allRows]);
  const rows = useMemo(
    () => sortFleetRows(filterFleetRows(allRows ?? [], filter), sort),
    [allRows, filter, sort],
  );
  const columns = useMemo(
    () => matrixColumns(allRows ?? [], filter.version),
    [allRows, filter.version],
  );

  if (fleet.loading) return <Progress />;
  if (fleet.error) {
    return <ErrorState error={fleet.error} what="AI Conformance results" />;
  }
  if (!allRows || allRows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters yet"
        description="Register Kubernetes clusters in the catalog as Resource entities with spec.type kubernetes-cluster, then run the checks from their AI Conformance tab."
      />
    );
  }
  const counts = {
    conformant: allRows.filter(r => r.verdict === 'conformant').length,
    failing: allRows.filter(r => r.verdict === 'not-conformant').length,
  };
  return (
    <>
      {fleet.value?.catalogError && (
        <Box mb={2}>
          <Alert severity="warning">
            Catalog entities could not be loaded, so owners and clusters never
            checked are missing: {fleet.value.catalogError.message}
          </Alert>
        </Box>
      )}
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {allRows.length} clusters · {counts.conformant} conformant ·{' '}
        {counts.failing} not conformant
      </Typography>
      <FleetLevelCounts
        counts={countByLevel(allRows)}
        selected={filter.level}
        onSelect={level => setFilter({ ...filter, level })}
      />
      <FleetFilters filter={filter} options={options} onChange={setFilter} />
      <FleetMatrix
        rows={rows}
        columns={columns}
        sort={sort}
        onSortChange={setSort}
      />
    </>
  );
};
