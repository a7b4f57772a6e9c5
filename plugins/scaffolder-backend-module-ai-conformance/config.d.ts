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
    };
  };
}
