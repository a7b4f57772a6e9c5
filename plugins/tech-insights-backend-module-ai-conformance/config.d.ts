export interface Config {
  aiConformance?: {
    /**
     * Tech Insights facts of cluster entities (verdict, level, counts,
     * per-requirement results). Facts can be read by every user allowed to
     * read Tech Insights facts, including users the permission policy denies
     * `ai-conformance.report.read`.
     */
    techInsights?: {
      /**
       * Set to false to emit no fact values: the retriever reads no results
       * and stores an empty fact set per cluster, so earlier facts stop
       * being the latest. Default true.
       */
      enabled?: boolean;
    };
  };
}
