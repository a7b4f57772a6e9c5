export interface Config {
  aiConformance?: {
    /** Scorecard levels. */
    levels?: {
      /** What gold asks beyond a conformant verdict. */
      gold?: {
        /** Every SHOULD passes or does not apply (default true). */
        requireAllShould?: boolean;
        /** The last check is at most this many days old (default 7). */
        maxAgeDays?: number;
        /** On GKE, the cluster runs a certified version (default true). */
        requireCertifiedGkeVersion?: boolean;
      };
    };
  };
}
