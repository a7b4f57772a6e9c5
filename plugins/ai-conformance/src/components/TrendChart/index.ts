export { TrendChart } from './TrendChart';
export { trendPoints } from './trendPoints';
