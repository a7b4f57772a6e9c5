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
    /** Clusters checked at the same time by each backend replica. Default 8. */
    concurrency?: number;
    /**
     * How backend replicas sharing one database coordinate runs. Each run is
     * executed by one replica holding a lease it renews with a heartbeat; a
     * run whose lease expired (its replica crashed) is marked failed by any
     * other replica within half a lease.
     */
    runs?: {
      /** How long a claim on a run lasts without a heartbeat. Default `{ seconds: 60 }`. */
      lease?: HumanDuration | string;
      /** How often leases are renewed; at most half the lease. Default: a quarter of the lease. */
      heartbeat?: HumanDuration | string;
      /** How often idle workers look for queued runs. Default `{ seconds: 2 }`. */
      pollInterval?: HumanDuration | string;
    };
    /** Time allowed for one cluster's check. Default `{ minutes: 2 }`. */
    clusterDeadline?: HumanDuration | string;
    /** Timeout of each Kubernetes API request. Default `{ seconds: 10 }`. */
    requestTimeout?: HumanDuration | string;
    /**
     * The most bytes one Kubernetes API response may have. A longer answer is
     * cut off and its read is an error (what depends on it is `unknown`).
     * Default 33554432 (32 MiB: one page of 500 Nodes at up to 64 KiB each,
     * the Node list of a 5,000-node cluster). From 1024 to 536870888.
     */
    maxResponseBytes?: number;
    retention?: {
      /** Finished runs kept per cluster (older ones are deleted). Default 100. */
      runsPerCluster?: number;
    };
    uploads?: {
      /** Largest accepted upload body, in bytes. Default 5242880 (5 MB). */
      maxBytes?: number;
    };
    /**
     * Clusters outside the `kubernetes` config. Each belongs to exactly one
     * catalog entity: `entityRef`, else `resource:<namespace>/<name>`.
     */
    clusters?: Array<{
      /** Cluster name; also the entity name unless `entityRef` is set. */
      name: string;
      /** Namespace of the cluster's entity. Default `default`. */
      namespace?: string;
      /** The cluster's entity (`resource:<namespace>/<name>`); overrides name and namespace. */
      entityRef?: string;
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
    /**
     * Which entity each `kubernetes.clusterLocatorMethods` config cluster
     * belongs to. Unlisted clusters belong to `resource:default/<name>`.
     */
    kubernetesClusterEntities?: Array<{
      /** Cluster name in `kubernetes.clusterLocatorMethods`. */
      cluster: string;
      /** Its entity, e.g. `resource:platform/gke-prod`. */
      entityRef: string;
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
      /**
       * Catalog clusters get only the calling user's token (`google`,
       * `oidc`). A provider that sends a credential held by the backend
       * (`serviceAccount`, `googleServiceAccount`, `aws`, `azure`, ...) is
       * refused unless an entry here names it for the entity's API server
       * URL. Scheduled runs of catalog clusters can only use such grants.
       */
      allowBackendCredentials?: Array<{
        /**
         * `https://host[:port][/path]`: scheme and port match exactly, the
         * path as a prefix; the host exactly, or with a leading `*.` any
         * host below it (`https://*.gke.example.com`).
         */
        urlPattern: string;
        /** Backend-held auth providers allowed for matching URLs, e.g. `[googleServiceAccount]`. */
        authProviders: string[];
      }>;
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
    /**
     * Active runs ("Verify with workloads", `POST .../runs` with
     * `{ "mode": "active" }`): test workloads created in a namespace of the
     * run, removed afterwards. Off unless enabled here; a caller also needs
     * `ai-conformance.run.create` and `ai-conformance.run.active` on the
     * cluster. Nothing here can be set by a request.
     */
    active?: {
      /** Allow active runs. Default false. */
      enabled?: boolean;
      /** Image overrides, e.g. an air-gapped mirror: `toolbox`, `cuda`, `ray`. */
      images?: {
        toolbox?: string;
        cuda?: string;
        ray?: string;
      };
      /** An existing Kueue LocalQueue (`namespace/name`) for the gangs; default one made for the run. */
      localQueue?: string;
      /** The autoscaled pool as a node label `key=value`; default the pool of the first accelerator node. */
      autoscalingPool?: string;
      /** Deadline of the active part of a run, cleanup excluded. Default `{ minutes: 20 }`. */
      deadline?: HumanDuration | string;
      /** Deadline of each active check. Default: each check's own (3 to 15 minutes). */
      checkDeadline?: HumanDuration | string;
      /** Bound on the cleanup after a run and on the sweep of an interrupted run. Default `{ minutes: 2 }`. */
      cleanupTimeout?: HumanDuration | string;
      /** How often the checks poll what they wait for. Default `{ seconds: 1 }`. */
      pollInterval?: HumanDuration | string;
      /** How long gang_scheduling watches the gang that must not run. Default `{ seconds: 10 }`. */
      gangObserve?: HumanDuration | string;
    };
    /** Cluster badges (`GET /clusters/:namespace/:name/badge.svg`). */
    badges?: {
      /**
       * Serve badges without a token (verdict and level only). Default
       * false: badges need `ai-conformance.report.read`.
       */
      public?: boolean;
    };
    /** Scorecard levels (bronze, silver, gold). */
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
    /**
     * Certified platform versions (the CNCF AI conformance repository's
     * `vX.Y/<product>/PRODUCT.yaml` files) that findings measure clusters
     * against, so a new certification needs no release. Without it, the
     * built-in GKE minimums apply.
     */
    certifiedVersions?: {
      /**
       * A local clone directory of cncf/k8s-ai-conformance, its GitHub URL
       * (`https://github.com/cncf/k8s-ai-conformance`, optionally
       * `/tree/<ref>`), or the URL of one `vX.Y/<product>/PRODUCT.yaml`.
       */
      source?: string;
      /** How long a read is reused. Default `{ hours: 6 }`. */
      refresh?: HumanDuration | string;
      /** Certifications given directly, added to those read from `source`. */
      products?: Array<{
        /** Checklist version, e.g. `1.37`. */
        checklist: string;
        /** Submission folder, e.g. `gke`, `aks`, `openshift`. */
        product: string;
        /** Certified platform version, e.g. `1.37.0-gke.3503000`. */
        platformVersion: string;
      }>;
    };
    /**
     * Components the engine cannot recognise by itself, declared so the
     * checks grade them like known ones (labelled "declared" in the
     * evidence). A declared component whose controller is missing or not
     * available fails its requirement.
     */
    solutions?: Array<{
      /** Product name shown in the evidence. */
      name: string;
      /**
       * `ai-operator` (robust_controller), `service-metrics`
       * (ai_service_metrics), `gang-scheduling` (gang_scheduling) or
       * `cluster-autoscaling` (cluster_autoscaling).
       */
      capability:
        | 'ai-operator'
        | 'service-metrics'
        | 'gang-scheduling'
        | 'cluster-autoscaling';
      /** API group of its custom resources (required for `ai-operator`). */
      group?: string;
      /** The workload that runs it. */
      controller?: {
        namespace: string;
        name: string;
        /** Default `Deployment`. */
        kind?: 'Deployment' | 'DaemonSet' | 'StatefulSet';
      };
    }>;
    /**
     * Accelerator utilization from Prometheus-compatible APIs. URLs and
     * credentials come only from here, never from an entity or a request.
     */
    metrics?: {
      /** Seconds answers are reused (default 15; 0 turns the cache off). */
      cacheSeconds?: number;
      /** Timeout of each Prometheus request in milliseconds (default 5000). */
      timeoutMs?: number;
      clusters?: Array<{
        /** Cluster entity name. */
        name: string;
        /** Entity namespace (default `default`); matched exactly. */
        namespace?: string;
        /** Base URL of the Prometheus HTTP API (without /api/v1). */
        url: string;
        auth?: {
          /** `google` uses Application Default Credentials (Managed Prometheus). */
          type: 'none' | 'bearer' | 'basic' | 'google';
          /** @visibility secret */
          token?: string;
          username?: string;
          /** @visibility secret */
          password?: string;
        };
        /** Label that holds the node name (default Hostname). */
        nodeLabel?: string;
        /** Equality matchers added to every query. */
        matchers?: { [label: string]: string };
      }>;
    };
  };
}
