import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import type {
  AcceleratorsResponse,
  MetricsRange,
} from '../../api/AcceleratorMetricsClient';
import { ErrorState } from '../StatePanels';
import { AcceleratorInventoryTable } from './AcceleratorInventoryTable';
import { NoAccelerators, NoMetricsSource } from './AcceleratorEmptyStates';
import { MetricChart } from './MetricChart';
import { RangeSelector } from './RangeSelector';
import { SourceErrors } from './SourceErrors';
import { useAccelerators } from './useAccelerators';

/** The four charts of a range, or why there are none. */
export const AcceleratorCharts = (props: { data: AcceleratorsResponse }) => {
  const { data } = props;
  if (data.source.type === 'none') return <NoMetricsSource />;
  if (!data.series || data.series.pools.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {data.series
          ? 'The metrics source holds no DCGM samples for this cluster’s GPUs in this range.'
          : 'No metrics to show (see the messages above).'}
      </Typography>
    );
  }
  const series = data.series;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="GPU utilization (average per pool)"
          metric="utilization"
          series={series}
          domain={[0, 100]}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="Framebuffer memory used (per pool)"
          metric="memoryUsed"
          series={series}
          unit="GiB"
          scale={1 / 1024}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="Power draw (per pool)"
          metric="power"
          series={series}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MetricChart
          title="Temperature (hottest GPU per pool)"
          metric="temperature"
          series={series}
        />
      </Grid>
    </Grid>
  );
};

/**
 * Accelerators of the cluster entity in context: inventory per node pool with
 * allocation bars, and utilization, memory, power and temperature charts for
 * a chosen range (from the cluster's configured Prometheus-compatible source).
 *
 * @public
 */
export const AcceleratorMetricsSection = () => {
  const { entity } = useEntity();
  const compound = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const [range, setRange] = useState<MetricsRange>('1h');
  const state = useAccelerators(compound, range);
  const data = state.value;

  let inventory: JSX.Element;
  let charts: JSX.Element | null = null;
  if (state.loading && !data) {
    inventory = <Progress />;
  } else if (state.error) {
    inventory = (
      <ErrorState error={state.error} what="this cluster's accelerators" />
    );
  } else if (!data) {
    inventory = <Progress />;
  } else {
    charts = <AcceleratorCharts data={data} />;
    if (!data.inventory) {
      inventory = (
        <Typography variant="body2" color="textSecondary">
          The inventory is not available.
        </Typography>
      );
    } else if (data.inventory.pools.length === 0) {
      inventory = <NoAccelerators totalNodes={data.inventory.totalNodes} />;
    } else {
      inventory = <AcceleratorInventoryTable inventory={data.inventory} />;
    }
  }

  return (
    <InfoCard
      title="Accelerator usage"
      subheader={
        data?.inventory
          ? `${data.inventory.acceleratorNodes} accelerator node(s) of ${data.inventory.totalNodes}`
          : undefined
      }
      action={
        <Box mt={1} mr={1}>
          <RangeSelector value={range} onChange={setRange} />
        </Box>
      }
    >
      {data && (
        <SourceErrors
          errors={data.errors}
          warnings={data.inventory?.warnings}
        />
      )}
      {inventory}
      {charts && (
        <Box mt={3}>
          <Typography variant="h6" component="h3" gutterBottom>
            Utilization (last {range})
          </Typography>
          {charts}
        </Box>
      )}
    </InfoCard>
  );
};
