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
    /** The template's `gke-api` delivery: actions that create GKE clusters directly. */
    gke?: {
      /**
       * The Container API `ai-conformance:gke:create-cluster` calls with
       * `@google-cloud/container` (REST transport). Credentials are the
       * backend's own Google identity, never taken from a template.
       */
      containerApi?: {
        /**
         * `https://host[:port]` (or `http://host:port` for a local double);
         * default: Google's endpoint.
         */
        endpoint?: string;
        /**
         * Path of a service-account JSON key on the backend host; default:
         * Application Default Credentials. The account needs
         * roles/container.admin (or roles/container.clusterAdmin) and
         * roles/iam.serviceAccountUser.
         */
        keyFile?: string;
      };
      /** Where `ai-conformance:cluster:install-addons` gets add-on manifests. */
      addons?: {
        /**
         * Directory holding `<chart>/<version>.yaml` for each pinned add-on,
         * looked at first (absolute or relative to the backend's working
         * directory).
         */
        mirrorDirectory?: string;
        /**
         * Chart name (kueue, kubeflow-trainer, nvidia-dra-driver-gpu) → URL
         * of a manifest file, `{version}` standing for the pinned version.
         * Kueue defaults to its release's manifests.yaml.
         */
        manifestUrls?: { [chart: string]: string };
      };
      /** How `ai-conformance:cluster:register` adds new clusters to the catalog. */
      registration?: {
        /**
         * Directory the action writes `<name>.yaml` entities to; a catalog
         * location `{ type: file, target: <directory>/*.yaml }` must read it.
         */
        directory?: string;
        /**
         * `kubernetes.io/auth-provider` of the entity: `googleServiceAccount`
         * (default: the backend's Google identity, which the check step and
         * scheduled runs need, granted per URL by
         * aiConformance.catalogClusters.allowBackendCredentials) or `google`
         * (each user's own Google sign-in; the check step cannot run).
         */
        authProvider?: 'googleServiceAccount' | 'google';
      };
    };
  };
}
