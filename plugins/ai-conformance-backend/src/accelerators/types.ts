import type {
  AcceleratorInventory,
  AcceleratorMetricSeries,
  AcceleratorSourceError,
} from '@ai-conformance/plugin-ai-conformance-node';

/** Where utilization series come from (never the URL or credentials). */
export type AcceleratorMetricsSourceInfo =
  | { type: 'none' }
  | { type: 'prometheus'; auth: 'none' | 'bearer' | 'basic' | 'google' };

/** `GET /clusters/:namespace/:name/accelerators?range=1h`. */
export interface AcceleratorsResponse {
  entityRef: string;
  /** Null when the cluster could not be read (see errors). */
  inventory: AcceleratorInventory | null;
  /** Null when no metrics source is configured or every query failed. */
  series: AcceleratorMetricSeries | null;
  source: AcceleratorMetricsSourceInfo;
  errors: AcceleratorSourceError[];
  /** ISO time the answer was produced (answers are cached briefly). */
  generatedAt: string;
}
