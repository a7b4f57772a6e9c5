export { StatusChip } from './StatusChip';
export { StatusIcon } from './StatusIcon';
