import { useEffect, useState } from 'react';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import type { FleetRow, FleetSort, MatrixColumn } from '../../fleet/fleetRows';
import {
  PLATFORM_TITLES,
  VERDICT,
  requirementStatusOf,
} from '../../report/statusPresentation';
import { StatusIcon } from '../StatusChip';
import { LevelChip } from '../LevelChip';

const useStyles = makeStyles(theme => ({
  container: { maxHeight: '70vh' },
  requirementHead: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
    padding: theme.spacing(1, 0.5),
    fontSize: '0.75rem',
    verticalAlign: 'bottom',
  },
  statusCell: { padding: theme.spacing(0.5), textAlign: 'center' },
  head: { whiteSpace: 'nowrap', verticalAlign: 'bottom' },
}));

/** "ai-platform" for group:default/ai-platform; other namespaces stay visible. */
function ownerLabel(owner?: string): string {
  if (!owner) return '—';
  const m = /^(?:[^:]+:)?(?:default\/)?(.+)$/.exec(owner);
  return m ? m[1] : owner;
}

const verdictLabel = (row: FleetRow) =>
  row.verdict === 'never-checked'
    ? 'Never checked'
    : VERDICT[row.verdict].label;

const RowCells = (props: {
  row: FleetRow;
  columns: MatrixColumn[];
  href: string;
}) => {
  const classes = useStyles();
  const { row, columns, href } = props;
  const s = row.summary;
  return (
    <TableRow hover data-entity-ref={row.entityRef}>
      <TableCell component="th" scope="row">
        <Link to={href}>{row.title ?? row.name}</Link>
        {row.namespace !== 'default' && (
          <Typography variant="caption" color="textSecondary" component="div">
            {row.namespace}
          </Typography>
        )}
      </TableCell>
      <TableCell title={row.owner}>{ownerLabel(row.owner)}</TableCell>
      <TableCell>
        {s?.platform ? PLATFORM_TITLES[s.platform] ?? s.platform : '—'}
      </TableCell>
      <TableCell>{verdictLabel(row)}</TableCell>
      <TableCell>
        {row.level ? (
          <LevelChip level={row.level} missing={s?.levelMissing} />
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        {s?.requirementsVersion ? `v${s.requirementsVersion}` : '—'}
      </TableCell>
      <TableCell align="right">
        {s?.verdict ? `${s.mustPassed}/${s.mustTotal}` : '—'}
      </TableCell>
      <TableCell align="right">
        {row.failures >= 0 ? row.failures : '—'}
      </TableCell>
      {columns.map(c => {
        const status = s?.statuses?.[c.id];
        if (!status) {
          return (
            <TableCell key={c.id} className={classes.statusCell}>
              <span aria-label={`${c.title}: no result`}>·</span>
            </TableCell>
          );
        }
        const p = requirementStatusOf(status);
        return (
          <TableCell
            key={c.id}
            className={classes.statusCell}
            data-status={status}
          >
            <StatusIcon tone={p.tone} title={`${c.title}: ${p.label}`} />
          </TableCell>
        );
      })}
    </TableRow>
  );
};

/**
 * A page the server has already cut: `rows` are that page, `totalCount`
 * the clusters over all pages.
 */
export interface FleetMatrixServerPage {
  totalCount: number;
  page: number;
  rowsPerPage: number;
  onPageChange: (page: number) => void;
  onRowsPerPageChange: (rowsPerPage: number) => void;
}

/**
 * Clusters × requirements: one row per cluster with its verdict, counts and
 * a status icon per requirement; paginated so 1,000 clusters stay fast
 * (by the server when `serverPage` is given).
 */
export const FleetMatrix = (props: {
  rows: FleetRow[];
  columns: MatrixColumn[];
  sort: FleetSort;
  onSortChange: (sort: FleetSort) => void;
  rowsPerPageOptions?: number[];
  serverPage?: FleetMatrixServerPage;
}) => {
  const classes = useStyles();
  const { rows, columns, sort, onSortChange, serverPage } = props;
  const entityLink = useEntityRefLink();
  const rowsPerPageOptions = props.rowsPerPageOptions ?? [25, 50, 100];
  const [localPage, setLocalPage] = useState(0);
  const [localRowsPerPage, setLocalRowsPerPage] = useState(50);
  useEffect(() => setLocalPage(0), [rows]);
  const page = serverPage?.page ?? localPage;
  const rowsPerPage = serverPage?.rowsPerPage ?? localRowsPerPage;
  const setPage = serverPage?.onPageChange ?? setLocalPage;
  const setRowsPerPage = serverPage?.onRowsPerPageChange ?? setLocalRowsPerPage;
  const visible = serverPage
    ? rows
    : rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage);

  const sortBy = (by: FleetSort['by']) => () => {
    let direction: FleetSort['direction'] = by === 'failures' ? 'desc' : 'asc';
    if (sort.by === by) direction = sort.direction === 'asc' ? 'desc' : 'asc';
    onSortChange({ by, direction });
  };

  return (
    <Paper>
      <TableContainer className={classes.container}>
        <Table
          stickyHeader
          size="small"
          aria-label="AI Conformance by cluster and requirement"
        >
          <TableHead>
            <TableRow>
              <TableCell
                className={classes.head}
                sortDirection={sort.by === 'name' ? sort.direction : false}
              >
                <TableSortLabel
                  active={sort.by === 'name'}
                  direction={sort.by === 'name' ? sort.direction : 'asc'}
                  onClick={sortBy('name')}
                >
                  Cluster
                </TableSortLabel>
              </TableCell>
              <TableCell className={classes.head}>Owner</TableCell>
              <TableCell className={classes.head}>Platform</TableCell>
              <TableCell className={classes.head}>Verdict</TableCell>
              <TableCell className={classes.head}>Level</TableCell>
              <TableCell className={classes.head}>Checklist</TableCell>
              <TableCell align="right" className={classes.head}>
                MUST
              </TableCell>
              <TableCell
                align="right"
                className={classes.head}
                sortDirection={sort.by === 'failures' ? sort.direction : false}
              >
                <TableSortLabel
                  active={sort.by === 'failures'}
                  direction={sort.by === 'failures' ? sort.direction : 'desc'}
                  onClick={sortBy('failures')}
                >
                  Failures
                </TableSortLabel>
              </TableCell>
              {columns.map(c => (
                <TableCell
                  key={c.id}
                  className={classes.requirementHead}
                  title={c.id}
                >
                  {c.title}
                  {c.level ? ` (${c.level})` : ''}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map(row => (
              <RowCells
                key={row.entityRef}
                row={row}
                columns={columns}
                href={`${entityLink(row.entityRef)}/ai-conformance`}
              />
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={8 + columns.length} align="center">
                  No clusters match the filters.
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={serverPage?.totalCount ?? rows.length}
        page={page}
        rowsPerPage={rowsPerPage}
        rowsPerPageOptions={rowsPerPageOptions}
        onPageChange={(_e, p) => setPage(p)}
        onRowsPerPageChange={e => {
          setRowsPerPage(Number(e.target.value));
          setPage(0);
        }}
      />
    </Paper>
  );
};
