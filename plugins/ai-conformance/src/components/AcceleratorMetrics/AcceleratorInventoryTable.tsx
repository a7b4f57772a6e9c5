import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { AcceleratorInventory } from '../../api/AcceleratorMetricsClient';
import { AllocationBar } from './AllocationBar';

/** One row per node pool and accelerator type, with allocation bars. */
export const AcceleratorInventoryTable = (props: {
  inventory: AcceleratorInventory;
}) => (
  <Table size="small" aria-label="Accelerators per node pool">
    <TableHead>
      <TableRow>
        <TableCell>Node pool</TableCell>
        <TableCell>Accelerator</TableCell>
        <TableCell>Nodes</TableCell>
        <TableCell>Allocated / allocatable</TableCell>
        <TableCell>DRA devices</TableCell>
        <TableCell>Driver</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {props.inventory.pools.map(pool => {
        const ready = pool.nodes.filter(n => n.ready).length;
        return (
          <TableRow key={`${pool.pool}/${pool.acceleratorType ?? ''}`}>
            <TableCell>
              <Typography variant="body2">{pool.pool}</Typography>
              {pool.poolLabel && (
                <Typography variant="caption" color="textSecondary">
                  {pool.poolLabel}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Typography variant="body2">
                {pool.acceleratorType ?? pool.models[0] ?? '–'}
              </Typography>
              {pool.models
                .filter(m => m !== pool.acceleratorType)
                .map(m => (
                  <Chip
                    key={m}
                    size="small"
                    label={m}
                    style={{ marginRight: 4 }}
                  />
                ))}
            </TableCell>
            <TableCell
              aria-label={`${ready} of ${pool.nodes.length} nodes ready`}
            >
              {ready}/{pool.nodes.length} ready
            </TableCell>
            <TableCell>
              <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
                {pool.resources.map(r => (
                  <AllocationBar key={r.resource} count={r} />
                ))}
                {pool.resources.length === 0 && '–'}
              </Box>
            </TableCell>
            <TableCell>{pool.draDevices || '–'}</TableCell>
            <TableCell>{pool.driverVersions.join(', ') || '–'}</TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);
