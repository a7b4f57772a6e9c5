import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { ErrorState } from '../StatePanels';
import { NoAccelerators } from './AcceleratorEmptyStates';
import { AllocationBar } from './AllocationBar';
import { formatValue } from './chartData';
import { MetricChart } from './MetricChart';
import { SourceErrors } from './SourceErrors';
import { useAccelerators } from './useAccelerators';

/**
 * Overview card of a cluster entity's accelerators: allocation per pool and,
 * when a metrics source is configured, the last hour of GPU utilization.
 */
export const EntityAcceleratorMetricsCard = () => {
  const { entity } = useEntity();
  const compound = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const state = useAccelerators(compound, '1h');
  const data = state.value;

  let content: JSX.Element;
  if (state.loading) {
    content = <Progress />;
  } else if (state.error || !data) {
    content = (
      <ErrorState
        error={state.error ?? new Error('No answer')}
        what="this cluster's accelerators"
      />
    );
  } else {
    const pools = data.inventory?.pools ?? [];
    const util =
      data.series?.pools.filter(p => p.metric === 'utilization') ?? [];
    content = (
      <>
        <SourceErrors errors={data.errors} />
        {data.inventory && pools.length === 0 && (
          <NoAccelerators totalNodes={data.inventory.totalNodes} />
        )}
        {pools.map(pool => (
          <Box key={`${pool.pool}/${pool.acceleratorType ?? ''}`} mb={1.5}>
            <Typography variant="subtitle2">
              {pool.pool}
              {pool.acceleratorType ? ` · ${pool.acceleratorType}` : ''}
              {' · '}
              {pool.nodes.length} node(s)
              {util.find(u => u.pool === pool.pool)?.latest &&
                ` · ${formatValue(
                  util.find(u => u.pool === pool.pool)!.latest![1],
                  '%',
                )} busy`}
            </Typography>
            {pool.resources.map(r => (
              <AllocationBar key={r.resource} count={r} />
            ))}
          </Box>
        ))}
        {data.source.type === 'none' && pools.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            No metrics source configured: add one under aiConformance.metrics to
            see utilization.
          </Typography>
        )}
        {data.series && util.length > 0 && (
          <MetricChart
            title="GPU utilization, last hour"
            metric="utilization"
            series={data.series}
            domain={[0, 100]}
          />
        )}
      </>
    );
  }
  return <InfoCard title="Accelerators">{content}</InfoCard>;
};
