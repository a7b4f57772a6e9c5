import { useEffect, useMemo, useState } from 'react';
import Typography from '@material-ui/core/Typography';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  ClusterListFacets,
  ConformanceLevel,
} from '@ai-conformance/plugin-ai-conformance-common';
import { aiConformanceApiRef } from '../../api';
import {
  fleetQuery,
  fleetRowOf,
  matrixColumns,
  type FleetFilter,
  type FleetSort,
} from '../../fleet/fleetRows';
import { VERDICT } from '../../report/statusPresentation';
import { LEVEL, LEVELS_HIGH_TO_LOW } from '../../report/levelPresentation';
import { FleetLevelCounts } from '../FleetLevelCounts';
import { FleetFilters } from '../FleetFilters';
import { FleetMatrix } from '../FleetMatrix';
import { ErrorState } from '../StatePanels';

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((n, c) => n + c, 0);

function levelCounts(
  facets: ClusterListFacets,
): Record<ConformanceLevel, number> {
  const { none = 0, bronze = 0, silver = 0, gold = 0 } = facets.levels;
  return { none, bronze, silver, gold };
}

/**
 * The fleet view: filters, search and the clusters × requirements matrix.
 * The backend filters, sorts and pages (`GET /clusters`); only the page on
 * screen is loaded, with the fleet's counts and filter values.
 */
export const FleetOverview = () => {
  const api = useApi(aiConformanceApiRef);
  const [filter, setFilter] = useState<FleetFilter>({});
  const [sort, setSort] = useState<FleetSort>({
    by: 'failures',
    direction: 'desc',
  });
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);
  useEffect(() => setPage(0), [filter, sort, rowsPerPage]);

  // The fleet's counts do not depend on the filters or the page: they are
  // asked for with the first page (on load and whenever a filter changes).
  const [facets, setFacets] = useState<ClusterListFacets>();
  const fleet = useAsync(
    () =>
      api.listClusters({
        ...fleetQuery(filter, sort, {
          offset: page * rowsPerPage,
          limit: rowsPerPage,
        }),
        facets: page === 0 || !facets,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filter, sort, page, rowsPerPage],
  );
  // The last answer stays on screen while the next page loads.
  const [shown, setShown] = useState(fleet.value);
  useEffect(() => {
    if (fleet.value) setShown(fleet.value);
    if (fleet.value?.facets) setFacets(fleet.value.facets);
  }, [fleet.value]);

  const rows = useMemo(() => (shown?.items ?? []).map(fleetRowOf), [shown]);
  const columns = useMemo(
    () => matrixColumns(rows, filter.version),
    [rows, filter.version],
  );
  const options = useMemo(
    () => ({
      owners: facets?.owners ?? [],
      platforms: facets?.platforms ?? [],
      versions: facets?.requirementsVersions ?? [],
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
    }),
    [facets],
  );

  if (!shown && fleet.loading) return <Progress />;
  if (fleet.error) {
    return <ErrorState error={fleet.error} what="AI Conformance results" />;
  }
  const total = facets ? sum(facets.verdicts) : shown?.totalCount ?? 0;
  if (!shown || total === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters yet"
        description="Register Kubernetes clusters in the catalog as Resource entities with spec.type kubernetes-cluster, then run the checks from their AI Conformance tab."
      />
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {total} clusters · {facets?.verdicts.conformant ?? 0} conformant ·{' '}
        {facets?.verdicts['not-conformant'] ?? 0} not conformant
      </Typography>
      {facets && (
        <FleetLevelCounts
          counts={levelCounts(facets)}
          selected={filter.level}
          onSelect={level => setFilter({ ...filter, level })}
        />
      )}
      <FleetFilters filter={filter} options={options} onChange={setFilter} />
      <FleetMatrix
        rows={rows}
        columns={columns}
        sort={sort}
        onSortChange={setSort}
        serverPage={{
          totalCount: shown.totalCount,
          page,
          rowsPerPage,
          onPageChange: setPage,
          onRowsPerPageChange: setRowsPerPage,
        }}
      />
    </>
  );
};
