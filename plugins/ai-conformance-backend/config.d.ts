export interface Config {
  /** Configuration of the AI Conformance backend plugin. */
  aiConformance?: {
    /**
     * Clusters outside the `kubernetes` config, keyed by entity name.
     */
    clusters?: Array<{
      /** Entity name of the cluster (catalog `Resource`). */
      name: string;
      /** API server URL. */
      url: string;
      /** Base64 PEM CA data. */
      caData?: string;
      /**
       * Service account token.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Disable TLS verification (test clusters only). */
      skipTLSVerify?: boolean;
    }>;
  };
}
