export { RegressionNotifier } from './RegressionNotifier';
export { findRegressions } from './findRegressions';
export type { Regression } from './findRegressions';
