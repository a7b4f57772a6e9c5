export interface Config {
  aiConformance?: {
    scaffolder?: {
      /**
       * Where `ai-conformance:gke:resolve-version` gets GKE versions:
       * `container-api` asks GKE (Application Default Credentials),
       * `offline` only checks given versions against the certified
       * minimums. Default: `container-api` when GOOGLE_APPLICATION_CREDENTIALS
       * is set, otherwise `offline`.
       */
      gkeVersions?: 'container-api' | 'offline';
      localDelivery?: {
        /**
         * Directory on the backend host that `ai-conformance:publish:local`
         * writes deliveries to (one subdirectory per cluster); absolute or
         * relative to the backend's working directory. Unset: the template's
         * local delivery is refused. Set in the demo config.
         */
        directory?: string;
      };
    };
  };
}
