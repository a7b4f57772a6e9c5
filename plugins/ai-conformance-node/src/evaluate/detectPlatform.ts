import type { Platform } from '@ai-conformance/plugin-ai-conformance-common';
import { parseKubernetesVersion } from '@ai-conformance/plugin-ai-conformance-common';
import type { ClusterSnapshot, KubeObject } from '../snapshot/types';

function nodesOf(snapshot: ClusterSnapshot): KubeObject[] {
  const r = snapshot.reads.nodes;
  return r?.outcome === 'ok' ? r.items ?? [] : [];
}

const labelKeys = (n: KubeObject) => Object.keys(n.metadata.labels ?? {});
const annotationKeys = (n: KubeObject) =>
  Object.keys(n.metadata.annotations ?? {});
const providerId = (n: KubeObject): string => String(n.spec?.providerID ?? '');
const osImage = (n: KubeObject): string =>
  String(
    (n.status as { nodeInfo?: { osImage?: string } } | undefined)?.nodeInfo
      ?.osImage ?? '',
  );

/**
 * What marks a platform: a server version suffix, a node label or annotation
 * prefix, a provider ID scheme or prefix, an OS image. Order matters: a
 * distribution (OpenShift, Gardener, kOps, VKS, RKE2, Talos) wins over the
 * cloud whose machines it runs on.
 */
interface PlatformSigns {
  platform: Platform;
  /** Tested against the suffix of the server's gitVersion, e.g. `-gke.1829001`. */
  versionSuffix?: RegExp;
  labelPrefixes?: string[];
  annotationPrefixes?: string[];
  providerIdPrefixes?: string[];
  osImage?: RegExp;
}

const SIGNS: PlatformSigns[] = [
  {
    platform: 'gardener',
    labelPrefixes: ['worker.gardener.cloud/', 'worker.garden.sapcloud.io/'],
  },
  { platform: 'kops', labelPrefixes: ['kops.k8s.io/'] },
  {
    platform: 'vks',
    versionSuffix: /^\+vmware\./,
    labelPrefixes: ['run.tanzu.vmware.com/'],
    providerIdPrefixes: ['vsphere://'],
  },
  {
    platform: 'rke2',
    versionSuffix: /^\+rke2r\d+$/,
    annotationPrefixes: ['rke2.io/'],
    providerIdPrefixes: ['rke2://'],
  },
  {
    platform: 'k3s',
    versionSuffix: /^\+k3s\d+$/,
    annotationPrefixes: ['k3s.io/'],
    providerIdPrefixes: ['k3s://'],
  },
  { platform: 'talos', osImage: /^Talos \(/ },
  {
    platform: 'gke',
    versionSuffix: /^-gke\.\d+$/,
    labelPrefixes: ['cloud.google.com/gke-'],
    providerIdPrefixes: ['gce://'],
  },
  {
    platform: 'eks',
    versionSuffix: /^-eks-[0-9a-z]+$/i,
    labelPrefixes: ['eks.amazonaws.com/'],
  },
  {
    platform: 'aks',
    labelPrefixes: ['kubernetes.azure.com/'],
    providerIdPrefixes: ['azure://'],
  },
  {
    platform: 'oke',
    labelPrefixes: ['oke.oraclecloud.com/', 'oci.oraclecloud.com/'],
    providerIdPrefixes: ['ocid1.instance.'],
  },
  {
    platform: 'ack',
    versionSuffix: /^-aliyun\.\d+$/,
    labelPrefixes: ['alibabacloud.com/', 'ack.aliyun.com'],
  },
  {
    platform: 'cce',
    versionSuffix: /^-r\d+-\d+\.\d+/,
    labelPrefixes: ['cce.cloud.com/'],
  },
  {
    platform: 'lke',
    labelPrefixes: ['lke.linode.com/'],
    providerIdPrefixes: ['linode://'],
  },
  {
    platform: 'coreweave',
    labelPrefixes: ['node.coreweave.cloud/'],
  },
];

function versionSuffix(snapshot: ClusterSnapshot): string | undefined {
  const v = parseKubernetesVersion(snapshot.version.info?.gitVersion);
  if (!v) return undefined;
  if (v.distribution === 'gke') return `-gke.${v.build}`;
  if (v.distribution === 'k3s') return `+k3s${v.build}`;
  if (v.distribution === 'eks') return `-${v.suffix}`;
  return v.suffix;
}

function matches(
  signs: PlatformSigns,
  suffix: string | undefined,
  nodes: KubeObject[],
): boolean {
  if (signs.versionSuffix && suffix && signs.versionSuffix.test(suffix))
    return true;
  return nodes.some(
    n =>
      (signs.labelPrefixes ?? []).some(p =>
        labelKeys(n).some(k => k.startsWith(p)),
      ) ||
      (signs.annotationPrefixes ?? []).some(p =>
        annotationKeys(n).some(k => k.startsWith(p)),
      ) ||
      (signs.providerIdPrefixes ?? []).some(p => providerId(n).startsWith(p)) ||
      (signs.osImage !== undefined && signs.osImage.test(osImage(n))),
  );
}

/**
 * The platform a snapshot comes from, from the server version suffix, the API
 * groups served, node labels and annotations, provider IDs and the OS image.
 * OpenShift (its config.openshift.io / route.openshift.io groups) wins over
 * everything; distributions win over the cloud they run on; `generic` when
 * nothing points anywhere.
 *
 * @public
 */
export function detectPlatform(snapshot: ClusterSnapshot): Platform {
  const served = new Set(snapshot.discovery.groups.map(g => g.name));
  if (served.has('config.openshift.io') || served.has('route.openshift.io')) {
    return 'openshift';
  }
  const suffix = versionSuffix(snapshot);
  if (
    parseKubernetesVersion(snapshot.version.info?.gitVersion)?.distribution ===
    'openshift'
  ) {
    return 'openshift';
  }
  const nodes = nodesOf(snapshot);
  return SIGNS.find(s => matches(s, suffix, nodes))?.platform ?? 'generic';
}
