/**
 * What the API shows about the components behind an API group: its CRDs,
 * the admission webhooks whose rules cover it, and the workloads linked to
 * it by shape (webhook Service selector, CRD conversion webhook, Helm
 * release, `app.kubernetes.io/part-of`), by a declaration, or by a known
 * name. Checks grade these facts; names only add links and a product name.
 */
import type {
  EvaluationError,
  Evidence,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../../snapshot/types';
import type { DeclaredSolution } from '../../solutions/declaredSolutions';
import type { CheckContext } from '../types';
import {
  crdEstablished,
  crdsOfGroup,
  daemonSetEvidence,
  daemonSetReady,
  deploymentAvailable,
  deploymentEvidence,
  objectRef,
  qualifiedName,
} from './objects';
import { optionalReadNotes } from './outcomes';
import { lookup } from './readAccess';
import { READS } from './reads';

export type WorkloadKind = 'Deployment' | 'DaemonSet' | 'StatefulSet';

export interface Workload {
  kind: WorkloadKind;
  object: KubeObject;
}

/** The cluster-wide facts every shape rule reads; undefined = not readable. */
export interface ComponentInputs {
  crds?: KubeObject[];
  workloads?: Workload[];
  services?: KubeObject[];
  /** Validating and mutating webhook configurations, when both were read. */
  webhooks?: KubeObject[];
  /** Reads the verdict depends on (CRDs, Deployments, validating webhooks). */
  errors: {
    crds?: EvaluationError;
    deployments?: EvaluationError;
    webhooks?: EvaluationError;
  };
  /** Supporting reads that failed (they only weaken links): notes. */
  notes: string[];
  /** True when the Services were read, so a webhook's backend can be resolved exactly. */
  servicesRead: boolean;
  /** Workload kinds whose list failed (absence of such a workload proves nothing). */
  unreadKinds: Partial<Record<WorkloadKind, EvaluationError>>;
}

function itemsOf(l: ReturnType<typeof lookup>): KubeObject[] | undefined {
  if (l.state === 'ok') return l.items;
  if (l.state === 'absent') return [];
  return undefined;
}

/** What a check that recognises components by shape must read. */
export const COMPONENT_READS = [
  READS.crds,
  READS.deployments,
  READS.daemonsets,
  READS.statefulsets,
  READS.services,
  READS.validatingwebhooks,
  READS.mutatingwebhooks,
];

/** Reads the shared facts ({@link COMPONENT_READS}) once per check. */
export function componentInputs(ctx: CheckContext): ComponentInputs {
  const crds = lookup(ctx, READS.crds);
  const deployments = lookup(ctx, READS.deployments);
  const daemonsets = lookup(ctx, READS.daemonsets);
  const statefulsets = lookup(ctx, READS.statefulsets);
  const services = lookup(ctx, READS.services);
  const validating = lookup(ctx, READS.validatingwebhooks);
  const mutating = lookup(ctx, READS.mutatingwebhooks);
  const supporting: EvaluationError[] = [];
  for (const l of [daemonsets, statefulsets, services, mutating]) {
    if (l.state === 'failed') supporting.push(l.error);
  }
  const deploymentItems = itemsOf(deployments);
  const workloads = deploymentItems
    ? [
        ...deploymentItems.map(o => ({
          kind: 'Deployment' as const,
          object: o,
        })),
        ...(itemsOf(daemonsets) ?? []).map(o => ({
          kind: 'DaemonSet' as const,
          object: o,
        })),
        ...(itemsOf(statefulsets) ?? []).map(o => ({
          kind: 'StatefulSet' as const,
          object: o,
        })),
      ]
    : undefined;
  const validatingItems = itemsOf(validating);
  return {
    crds: itemsOf(crds),
    workloads,
    services: itemsOf(services),
    webhooks: validatingItems
      ? [...validatingItems, ...(itemsOf(mutating) ?? [])]
      : undefined,
    errors: {
      crds: crds.state === 'failed' ? crds.error : undefined,
      deployments:
        deployments.state === 'failed' ? deployments.error : undefined,
      webhooks: validating.state === 'failed' ? validating.error : undefined,
    },
    notes: optionalReadNotes(supporting),
    servicesRead: services.state === 'ok',
    unreadKinds: {
      ...(deployments.state === 'failed'
        ? { Deployment: deployments.error }
        : {}),
      ...(daemonsets.state === 'failed' ? { DaemonSet: daemonsets.error } : {}),
      ...(statefulsets.state === 'failed'
        ? { StatefulSet: statefulsets.error }
        : {}),
    },
  };
}

export function workloadAvailable(w: Workload): boolean {
  if (w.kind === 'Deployment') return deploymentAvailable(w.object);
  if (w.kind === 'DaemonSet') return daemonSetReady(w.object);
  const ready = Number(w.object.status?.readyReplicas ?? 0);
  return ready > 0 && ready >= Number(w.object.spec?.replicas ?? 1);
}

export function workloadEvidence(w: Workload, what: string): Evidence {
  if (w.kind === 'Deployment') return deploymentEvidence(w.object, what);
  if (w.kind === 'DaemonSet') return daemonSetEvidence(w.object, what);
  const ready = Number(w.object.status?.readyReplicas ?? 0);
  return {
    description: `${what}: StatefulSet ${qualifiedName(
      w.object,
    )} has ${ready}/${Number(w.object.spec?.replicas ?? 1)} replicas ready`,
    object: objectRef(w.object, 'apps/v1', 'StatefulSet'),
    fields: {
      'spec.replicas': Number(w.object.spec?.replicas ?? 1),
      'status.readyReplicas': ready,
    },
  };
}

export function workloadName(w: Workload): string {
  return `${w.kind} ${qualifiedName(w.object)}`;
}

const sameWorkload = (a: Workload, b: Workload) =>
  a.kind === b.kind &&
  a.object.metadata.name === b.object.metadata.name &&
  (a.object.metadata.namespace ?? '') === (b.object.metadata.namespace ?? '');

/** Does a webhook rule name the group explicitly? ('*' is a policy engine, not an owner.) */
function ruleCovers(w: any, group: string): boolean {
  return (w?.rules ?? []).some((r: any) =>
    (r?.apiGroups ?? []).some((g: string) => g === group),
  );
}

export interface WebhookLink {
  config: KubeObject;
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration';
  webhooks: string[];
  /** namespace/name of the Service the API server calls, if any. */
  service?: { namespace: string; name: string };
  /** How its backend looks: workloads behind its Service. */
  backend: 'ready' | 'down' | 'unseen' | 'external';
  /** How the backend was found: by the Service's selector, or by namespace when the Service was unseen. */
  resolution?: Resolution;
  backendWorkloads: Workload[];
}

function configKind(c: KubeObject): WebhookLink['kind'] {
  return c.kind === 'MutatingWebhookConfiguration'
    ? 'MutatingWebhookConfiguration'
    : 'ValidatingWebhookConfiguration';
}

function podTemplateLabels(w: Workload): Record<string, string> {
  return w.object.spec?.template?.metadata?.labels ?? {};
}

/** Namespaces many unrelated components share: a name must match there. */
const SHARED_NAMESPACES = new Set(['kube-system', 'default']);
const GENERIC_TOKENS = new Set([
  'webhook',
  'webhooks',
  'service',
  'svc',
  'admission',
  'controller',
  'manager',
  'operator',
  'validating',
  'validation',
  'mutating',
  'server',
  'system',
  'k8s',
  'io',
]);

function tokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(t => t.length > 1 && !GENERIC_TOKENS.has(t)),
  );
}

/**
 * When the Service itself cannot be seen (not read, or not in the list),
 * the controller in its namespace (c): the workloads whose name shares a
 * word with the Service's name, or, in a namespace of its own, every one.
 */
function sameNamespaceWorkloads(
  inNamespace: Workload[],
  ref: { namespace: string; name: string },
): Workload[] {
  const want = tokens(ref.name);
  const overlap = (w: Workload) =>
    [...tokens(w.object.metadata.name)].filter(t => want.has(t)).length;
  const most = Math.max(0, ...inNamespace.map(overlap));
  // The closest names only: kaito-workspace-svc picks kaito-workspace, not kaito-gpu-provisioner.
  const named = most ? inNamespace.filter(w => overlap(w) === most) : [];
  if (named.length || SHARED_NAMESPACES.has(ref.namespace)) return named;
  return inNamespace;
}

type Resolution = 'selector' | 'service-not-found' | 'services-not-read';

/** Workloads whose pods a Service selects, or the namespace's controller when the Service is unseen. */
function workloadsBehindService(
  inputs: ComponentInputs,
  ref: { namespace: string; name: string },
): { resolution: Resolution; workloads: Workload[] } {
  const inNamespace = (inputs.workloads ?? []).filter(
    w => w.object.metadata.namespace === ref.namespace,
  );
  if (!inputs.servicesRead || !inputs.services) {
    return {
      resolution: 'services-not-read',
      workloads: sameNamespaceWorkloads(inNamespace, ref),
    };
  }
  const svc = inputs.services.find(
    s => s.metadata.name === ref.name && s.metadata.namespace === ref.namespace,
  );
  if (!svc) {
    return {
      resolution: 'service-not-found',
      workloads: sameNamespaceWorkloads(inNamespace, ref),
    };
  }
  const selector: Record<string, string> = svc.spec?.selector ?? {};
  const keys = Object.keys(selector);
  return {
    resolution: 'selector',
    workloads: keys.length
      ? inNamespace.filter(w => {
          const labels = podTemplateLabels(w);
          return keys.every(k => labels[k] === selector[k]);
        })
      : [],
  };
}

/** Webhook configurations (validating and mutating) whose rules name the group. */
export function webhookLinks(
  inputs: ComponentInputs,
  group: string,
): WebhookLink[] | undefined {
  if (!inputs.webhooks) return undefined;
  const out: WebhookLink[] = [];
  for (const config of inputs.webhooks) {
    const hooks = ((config.webhooks as any[]) ?? []).filter(w =>
      ruleCovers(w, group),
    );
    if (!hooks.length) continue;
    const service = hooks
      .map(h => h?.clientConfig?.service)
      .find(s => s?.namespace && s?.name);
    let backend: WebhookLink['backend'] = 'external';
    let backendWorkloads: Workload[] = [];
    let resolution: Resolution | undefined;
    if (service) {
      const behind = workloadsBehindService(inputs, service);
      backendWorkloads = behind.workloads;
      resolution = behind.resolution;
      if (!backendWorkloads.length) backend = 'unseen';
      else
        backend = backendWorkloads.some(workloadAvailable) ? 'ready' : 'down';
    }
    out.push({
      config,
      kind: configKind(config),
      webhooks: hooks.map(h => String(h?.name ?? '')),
      ...(service
        ? { service: { namespace: service.namespace, name: service.name } }
        : {}),
      backend,
      ...(resolution ? { resolution } : {}),
      backendWorkloads,
    });
  }
  return out;
}

const RESOLUTION: Record<Resolution, string> = {
  selector: 'behind its Service',
  'service-not-found':
    'in its Service namespace (the Service itself was not found)',
  'services-not-read': 'in its Service namespace (Services could not be read)',
};

export function webhookEvidence(link: WebhookLink, label: string): Evidence {
  const where = link.resolution ? RESOLUTION[link.resolution] : '';
  const backend: Record<WebhookLink['backend'], string> = {
    ready: `a ready workload runs ${where}`,
    down: `the workload ${where} is not available`,
    unseen: `no workload was found ${where}`,
    external: 'it calls a URL outside the cluster',
  };
  return {
    description: `${label}: ${link.kind} ${
      link.config.metadata.name
    } covers the group; ${backend[link.backend]}`,
    object: objectRef(
      link.config,
      'admissionregistration.k8s.io/v1',
      link.kind,
    ),
    fields: {
      webhooks: link.webhooks.join(','),
      ...(link.service
        ? {
            'clientConfig.service': `${link.service.namespace}/${link.service.name}`,
          }
        : {}),
      backend: link.backend,
      ...(link.resolution ? { resolvedBy: link.resolution } : {}),
    },
  };
}

/** How a workload linked by a known product's controller name is labelled. */
export const KNOWN_NAME = 'known controller name';

export interface ControllerLink {
  workload: Workload;
  /** How the workload was tied to the group, shown in the evidence. */
  via: string;
}

const HELM_NAME = 'meta.helm.sh/release-name';
const HELM_NAMESPACE = 'meta.helm.sh/release-namespace';
const PART_OF = 'app.kubernetes.io/part-of';

function helmRelease(w: Workload): string | undefined {
  const m = w.object.metadata;
  return (
    m.annotations?.[HELM_NAME] ??
    m.labels?.['app.kubernetes.io/instance'] ??
    m.labels?.release
  );
}

function matchesName(w: Workload, name: RegExp): boolean {
  const labels = w.object.metadata.labels ?? {};
  return (
    name.test(w.object.metadata.name) ||
    name.test(labels['app.kubernetes.io/name'] ?? '') ||
    name.test(labels['app.kubernetes.io/component'] ?? '') ||
    name.test(labels.app ?? '')
  );
}

/**
 * Workloads linked to a group: behind a webhook Service or CRD conversion
 * webhook, in the CRDs' Helm release, sharing their part-of label, named
 * by a declaration, or (a hint) matching a known controller name.
 */
export function controllerLinks(
  inputs: ComponentInputs,
  opts: {
    group?: string;
    hooks?: WebhookLink[];
    knownController?: RegExp;
    declared?: DeclaredSolution;
  },
): ControllerLink[] {
  const workloads = inputs.workloads ?? [];
  const out: ControllerLink[] = [];
  const add = (w: Workload, via: string) => {
    if (!out.some(l => sameWorkload(l.workload, w)))
      out.push({ workload: w, via });
  };
  const decl = opts.declared?.controller;
  if (decl) {
    for (const w of workloads) {
      if (
        w.kind === decl.kind &&
        w.object.metadata.namespace === decl.namespace &&
        w.object.metadata.name === decl.name
      )
        add(w, 'declared');
    }
  }
  for (const h of opts.hooks ?? []) {
    for (const w of h.backendWorkloads)
      add(
        w,
        `behind webhook Service ${h.service?.namespace}/${h.service?.name}`,
      );
  }
  const crds =
    opts.group && inputs.crds ? crdsOfGroup(inputs.crds, opts.group) : [];
  for (const c of crds) {
    const svc = c.spec?.conversion?.webhook?.clientConfig?.service;
    if (svc?.namespace && svc?.name) {
      const behind = workloadsBehindService(inputs, svc);
      if (behind.resolution === 'selector') {
        for (const w of behind.workloads)
          add(
            w,
            `behind CRD conversion webhook Service ${svc.namespace}/${svc.name}`,
          );
      }
    }
    const release = c.metadata.annotations?.[HELM_NAME];
    const releaseNs = c.metadata.annotations?.[HELM_NAMESPACE];
    if (release && releaseNs) {
      for (const w of workloads) {
        if (
          w.object.metadata.namespace === releaseNs &&
          helmRelease(w) === release
        )
          add(w, `Helm release ${releaseNs}/${release}`);
      }
    }
    const partOf = c.metadata.labels?.[PART_OF];
    if (partOf) {
      for (const w of workloads) {
        if (w.object.metadata.labels?.[PART_OF] === partOf)
          add(w, `${PART_OF}=${partOf}`);
      }
    }
  }
  if (opts.knownController) {
    for (const w of workloads) {
      if (matchesName(w, opts.knownController)) add(w, KNOWN_NAME);
    }
  }
  return out;
}

/** CRDs of the group and how many are Established. */
export function crdState(
  inputs: ComponentInputs,
  group: string,
):
  | { crds: KubeObject[]; notEstablished: KubeObject[]; kinds: string[] }
  | undefined {
  if (!inputs.crds) return undefined;
  const crds = crdsOfGroup(inputs.crds, group);
  return {
    crds,
    notEstablished: crds.filter(c => !crdEstablished(c)),
    kinds: crds.map(c => String(c.spec?.names?.kind ?? '')).filter(Boolean),
  };
}

/** API groups of the CRDs, with their kinds. */
export function crdGroups(crds: KubeObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of crds) {
    const group = String(c.spec?.group ?? '');
    if (!group) continue;
    const kinds = out.get(group) ?? [];
    kinds.push(String(c.spec?.names?.kind ?? ''));
    out.set(group, kinds);
  }
  return out;
}
