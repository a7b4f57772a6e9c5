export { EntityAcceleratorMetricsCard } from './EntityAcceleratorMetricsCard';
export {
  AcceleratorMetricsSection,
  AcceleratorCharts,
} from './AcceleratorMetricsSection';
export { AcceleratorInventoryTable } from './AcceleratorInventoryTable';
export { AllocationBar } from './AllocationBar';
export { MetricChart } from './MetricChart';
export { RangeSelector } from './RangeSelector';
export { NoAccelerators, NoMetricsSource } from './AcceleratorEmptyStates';
