export interface Config {
  aiConformance?: {
    /**
     * Verdict labels on cluster entities (`ai-conformance.io/verdict`,
     * `ai-conformance.io/requirements-version`). Labels are visible to
     * everyone who can see the entity in the catalog, including users the
     * permission policy denies `ai-conformance.report.read`.
     */
    catalogLabels?: {
      /**
       * Set to false to stamp no verdict labels (labels of that name in an
       * entity's own file are still removed). Default true.
       */
      enabled?: boolean;
    };
  };
}
