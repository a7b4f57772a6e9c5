import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the AI Conformance backend plugin. */
  aiConformance?: {
    /**
     * When scheduled checks of every cluster run. Default: every 6 hours,
     * first after 1 minute, each pass allowed 1 hour.
     */
    schedule?: {
      /** Set to false to turn scheduled checks off. Default true. */
      enabled?: boolean;
      /** A duration, an ISO duration string or `{ cron: '...' }`. */
      frequency?: HumanDuration | string | { cron: string };
      timeout?: HumanDuration | string;
      initialDelay?: HumanDuration | string;
    };
    /** Clusters checked at the same time. Default 8. */
    concurrency?: number;
    /** Time allowed for one cluster's check. Default `{ minutes: 2 }`. */
    clusterDeadline?: HumanDuration | string;
    /** Timeout of each Kubernetes API request. Default `{ seconds: 10 }`. */
    requestTimeout?: HumanDuration | string;
    retention?: {
      /** Finished runs kept per cluster (older ones are deleted). Default 100. */
      runsPerCluster?: number;
    };
    uploads?: {
      /** Largest accepted upload body, in bytes. Default 5242880 (5 MB). */
      maxBytes?: number;
    };
    /**
     * Clusters outside the `kubernetes` config, matched by name to the
     * catalog entity name.
     */
    clusters?: Array<{
      /** Cluster name = name of its catalog entity. */
      name: string;
      /** API server URL. */
      url: string;
      /** Base64 of the CA PEM. */
      caData?: string;
      /** Path of a CA PEM file. */
      caFile?: string;
      /** `serviceAccount` (default) or `googleServiceAccount` (Application Default Credentials). */
      authProvider?: 'serviceAccount' | 'googleServiceAccount';
      /**
       * Service account token (authProvider serviceAccount).
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Turn TLS verification off (test clusters only). */
      skipTLSVerify?: boolean;
    }>;
    /** Clusters defined by catalog entities with `kubernetes.io/*` annotations. */
    catalogClusters?: {
      /** Resolve clusters from catalog annotations. Default true. */
      enabled?: boolean;
      /**
       * API server URLs (or origins) accepted from the catalog even when they
       * are plain HTTP or private, loopback or link-local addresses.
       */
      dangerouslyAllowClusterUrls?: string[];
      /** Honour `kubernetes.io/skip-tls-verify: 'true'` on catalog entities. Default false. */
      dangerouslyAllowSkipTLSVerify?: boolean;
    };
    selfAssessment?: {
      /** Vendor metadata written into the PRODUCT.yaml draft. */
      metadata?: {
        platformName?: string;
        platformVersion?: string;
        vendorName?: string;
        websiteUrl?: string;
        repoUrl?: string;
        documentationUrl?: string;
        productLogoUrl?: string;
        description?: string;
        contactEmailAddress?: string;
        k8sConformanceUrl?: string;
      };
    };
  };
}
