import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import { formatDateTime } from '../../report/formatTime';
import { VERDICT } from '../../report/statusPresentation';
import { TrendChart } from '../TrendChart';

const STATUS_TEXT: Record<RunRecord['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Finished',
  failed: 'Failed',
};

const columns: TableColumn<RunRecord>[] = [
  {
    title: 'Started',
    field: 'createdAt',
    render: run => formatDateTime(run.createdAt),
  },
  { title: 'Run', field: 'status', render: run => STATUS_TEXT[run.status] },
  {
    title: 'Verdict',
    field: 'verdict',
    render: run =>
      run.verdict ? VERDICT[run.verdict]?.label ?? run.verdict : '—',
  },
  {
    title: 'Checklist',
    field: 'requirementsVersion',
    render: run =>
      run.requirementsVersion ? `v${run.requirementsVersion}` : '—',
  },
  {
    title: 'Trigger',
    field: 'trigger',
    // active runs also ran test workloads ("Verify with workloads")
    render: run =>
      run.mode === 'active' ? `${run.trigger} · with workloads` : run.trigger,
  },
  {
    title: 'By',
    field: 'createdBy',
    render: run => run.createdBy ?? '—',
  },
  {
    title: 'Error',
    field: 'error',
    render: run => run.error ?? '',
  },
];

/** Past runs of a cluster with the MUST trend above them. */
export const RunHistory = (props: { runs: RunRecord[] }) => (
  <InfoCard title="Run history" subheader="MUST requirements passed over time">
    <Box mb={2}>
      <TrendChart runs={props.runs} />
    </Box>
    <Table<RunRecord>
      columns={columns}
      data={props.runs}
      options={{
        toolbar: false,
        paging: props.runs.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
      emptyContent={
        <Box p={2} textAlign="center">
          No runs yet.
        </Box>
      }
    />
  </InfoCard>
);
