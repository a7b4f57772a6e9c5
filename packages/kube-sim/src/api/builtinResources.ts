/** A resource served by a group version, as discovery describes it. */
export interface ResourceInfo {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  singular: string;
  categories?: string[];
  subresources?: string[];
  /** Served by an aggregated API server (APIService) instead of the store. */
  aggregated?: boolean;
}

/** A group with its versions, the preferred one first. */
export interface GroupInfo {
  group: string;
  versions: string[];
}

const ALL = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const NO_COLLECTION_DELETE = [
  'create',
  'delete',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const CREATE_ONLY = ['create'];
const READ = ['get', 'list'];

type Row = [
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames?: string,
  verbs?: string[],
  categories?: string,
  subresources?: string,
];

const CORE: Row[] = [
  ['bindings', 'Binding', true, '', CREATE_ONLY],
  ['componentstatuses', 'ComponentStatus', false, 'cs', READ],
  ['configmaps', 'ConfigMap', true, 'cm'],
  ['endpoints', 'Endpoints', true, 'ep'],
  ['events', 'Event', true, 'ev'],
  ['limitranges', 'LimitRange', true, 'limits'],
  [
    'namespaces',
    'Namespace',
    false,
    'ns',
    NO_COLLECTION_DELETE,
    '',
    'finalize,status',
  ],
  ['nodes', 'Node', false, 'no', ALL, '', 'proxy,status'],
  [
    'persistentvolumeclaims',
    'PersistentVolumeClaim',
    true,
    'pvc',
    ALL,
    '',
    'status',
  ],
  ['persistentvolumes', 'PersistentVolume', false, 'pv', ALL, '', 'status'],
  [
    'pods',
    'Pod',
    true,
    'po',
    ALL,
    'all',
    'attach,binding,eviction,exec,log,portforward,proxy,status',
  ],
  ['podtemplates', 'PodTemplate', true],
  [
    'replicationcontrollers',
    'ReplicationController',
    true,
    'rc',
    ALL,
    'all',
    'scale,status',
  ],
  ['resourcequotas', 'ResourceQuota', true, 'quota', ALL, '', 'status'],
  ['secrets', 'Secret', true],
  ['serviceaccounts', 'ServiceAccount', true, 'sa', ALL, '', 'token'],
  [
    'services',
    'Service',
    true,
    'svc',
    NO_COLLECTION_DELETE.concat(['deletecollection']),
    'all',
    'proxy,status',
  ],
];

const GROUPS: Array<{
  group: string;
  versions: string[];
  rows: Row[];
  minMinor?: number;
  maxMinor?: number;
}> = [
  {
    group: 'apiregistration.k8s.io',
    versions: ['v1'],
    rows: [
      ['apiservices', 'APIService', false, '', ALL, 'api-extensions', 'status'],
    ],
  },
  {
    group: 'apps',
    versions: ['v1'],
    rows: [
      ['controllerrevisions', 'ControllerRevision', true],
      ['daemonsets', 'DaemonSet', true, 'ds', ALL, 'all', 'status'],
      ['deployments', 'Deployment', true, 'deploy', ALL, 'all', 'scale,status'],
      ['replicasets', 'ReplicaSet', true, 'rs', ALL, 'all', 'scale,status'],
      ['statefulsets', 'StatefulSet', true, 'sts', ALL, 'all', 'scale,status'],
    ],
  },
  {
    group: 'events.k8s.io',
    versions: ['v1'],
    rows: [['events', 'Event', true, 'ev']],
  },
  {
    group: 'authentication.k8s.io',
    versions: ['v1'],
    rows: [
      ['selfsubjectreviews', 'SelfSubjectReview', false, '', CREATE_ONLY],
      ['tokenreviews', 'TokenReview', false, '', CREATE_ONLY],
    ],
  },
  {
    group: 'authorization.k8s.io',
    versions: ['v1'],
    rows: [
      [
        'localsubjectaccessreviews',
        'LocalSubjectAccessReview',
        true,
        '',
        CREATE_ONLY,
      ],
      [
        'selfsubjectaccessreviews',
        'SelfSubjectAccessReview',
        false,
        '',
        CREATE_ONLY,
      ],
      [
        'selfsubjectrulesreviews',
        'SelfSubjectRulesReview',
        false,
        '',
        CREATE_ONLY,
      ],
      ['subjectaccessreviews', 'SubjectAccessReview', false, '', CREATE_ONLY],
    ],
  },
  {
    group: 'autoscaling',
    versions: ['v2', 'v1'],
    rows: [
      [
        'horizontalpodautoscalers',
        'HorizontalPodAutoscaler',
        true,
        'hpa',
        ALL,
        'all',
        'status',
      ],
    ],
  },
  {
    group: 'batch',
    versions: ['v1'],
    rows: [
      ['cronjobs', 'CronJob', true, 'cj', ALL, 'all', 'status'],
      ['jobs', 'Job', true, '', ALL, 'all', 'status'],
    ],
  },
  {
    group: 'certificates.k8s.io',
    versions: ['v1'],
    rows: [
      [
        'certificatesigningrequests',
        'CertificateSigningRequest',
        false,
        'csr',
        ALL,
        '',
        'approval,status',
      ],
    ],
  },
  {
    group: 'networking.k8s.io',
    versions: ['v1'],
    rows: [
      ['ingressclasses', 'IngressClass', false],
      ['ingresses', 'Ingress', true, 'ing', ALL, '', 'status'],
      ['networkpolicies', 'NetworkPolicy', true, 'netpol'],
    ],
  },
  {
    group: 'policy',
    versions: ['v1'],
    rows: [
      [
        'poddisruptionbudgets',
        'PodDisruptionBudget',
        true,
        'pdb',
        ALL,
        '',
        'status',
      ],
    ],
  },
  {
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    rows: [
      ['clusterrolebindings', 'ClusterRoleBinding', false],
      ['clusterroles', 'ClusterRole', false],
      ['rolebindings', 'RoleBinding', true],
      ['roles', 'Role', true],
    ],
  },
  {
    group: 'storage.k8s.io',
    versions: ['v1'],
    rows: [
      ['csidrivers', 'CSIDriver', false],
      ['csinodes', 'CSINode', false],
      ['csistoragecapacities', 'CSIStorageCapacity', true],
      ['storageclasses', 'StorageClass', false, 'sc'],
      ['volumeattachments', 'VolumeAttachment', false, '', ALL, '', 'status'],
    ],
  },
  {
    group: 'admissionregistration.k8s.io',
    versions: ['v1'],
    rows: [
      [
        'mutatingwebhookconfigurations',
        'MutatingWebhookConfiguration',
        false,
        '',
        ALL,
        'api-extensions',
      ],
      [
        'validatingadmissionpolicies',
        'ValidatingAdmissionPolicy',
        false,
        '',
        ALL,
        'api-extensions',
        'status',
      ],
      [
        'validatingadmissionpolicybindings',
        'ValidatingAdmissionPolicyBinding',
        false,
        '',
        ALL,
        'api-extensions',
      ],
      [
        'validatingwebhookconfigurations',
        'ValidatingWebhookConfiguration',
        false,
        '',
        ALL,
        'api-extensions',
      ],
    ],
  },
  {
    group: 'apiextensions.k8s.io',
    versions: ['v1'],
    rows: [
      [
        'customresourcedefinitions',
        'CustomResourceDefinition',
        false,
        'crd,crds',
        ALL,
        'api-extensions',
        'status',
      ],
    ],
  },
  {
    group: 'scheduling.k8s.io',
    versions: ['v1'],
    rows: [['priorityclasses', 'PriorityClass', false, 'pc']],
  },
  {
    group: 'coordination.k8s.io',
    versions: ['v1'],
    rows: [['leases', 'Lease', true]],
  },
  {
    group: 'node.k8s.io',
    versions: ['v1'],
    rows: [['runtimeclasses', 'RuntimeClass', false]],
  },
  {
    group: 'discovery.k8s.io',
    versions: ['v1'],
    rows: [['endpointslices', 'EndpointSlice', true]],
  },
  {
    group: 'flowcontrol.apiserver.k8s.io',
    versions: ['v1'],
    rows: [
      ['flowschemas', 'FlowSchema', false, '', ALL, '', 'status'],
      [
        'prioritylevelconfigurations',
        'PriorityLevelConfiguration',
        false,
        '',
        ALL,
        '',
        'status',
      ],
    ],
  },
  {
    group: 'resource.k8s.io',
    versions: ['v1beta2', 'v1beta1'],
    maxMinor: 33,
    rows: [
      ['deviceclasses', 'DeviceClass', false],
      ['resourceclaims', 'ResourceClaim', true, '', ALL, '', 'status'],
      ['resourceclaimtemplates', 'ResourceClaimTemplate', true],
      ['resourceslices', 'ResourceSlice', false],
    ],
  },
  {
    group: 'resource.k8s.io',
    versions: ['v1', 'v1beta2'],
    minMinor: 34,
    rows: [
      ['deviceclasses', 'DeviceClass', false],
      ['resourceclaims', 'ResourceClaim', true, '', ALL, '', 'status'],
      ['resourceclaimtemplates', 'ResourceClaimTemplate', true],
      ['resourceslices', 'ResourceSlice', false],
    ],
  },
];

function singularOf(kind: string): string {
  return kind.toLowerCase();
}

function toInfos(group: string, version: string, rows: Row[]): ResourceInfo[] {
  return rows.map(
    ([
      resource,
      kind,
      namespaced,
      shortNames,
      verbs,
      categories,
      subresources,
    ]) => ({
      group,
      version,
      resource,
      kind,
      namespaced,
      verbs: verbs ?? ALL,
      singular: singularOf(kind),
      shortNames: shortNames ? shortNames.split(',') : undefined,
      categories: categories ? categories.split(',') : undefined,
      subresources: subresources ? subresources.split(',') : undefined,
    }),
  );
}

/** The groups and resources kube-apiserver of this minor serves by itself, in its discovery order. */
export function builtinResources(minor: number): {
  groups: GroupInfo[];
  resources: ResourceInfo[];
} {
  const groups: GroupInfo[] = [{ group: '', versions: ['v1'] }];
  const resources: ResourceInfo[] = toInfos('', 'v1', CORE);
  for (const g of GROUPS) {
    if (g.minMinor !== undefined && minor < g.minMinor) continue;
    if (g.maxMinor !== undefined && minor > g.maxMinor) continue;
    groups.push({ group: g.group, versions: g.versions });
    for (const v of g.versions) resources.push(...toInfos(g.group, v, g.rows));
  }
  return { groups, resources };
}
