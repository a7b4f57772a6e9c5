/**
 * Grades a capability by its shape in the API: the components that provide
 * it (known by name, declared by the site, or recognised by shape alone),
 * each graded on its CRDs, admission webhooks and controller workloads.
 *
 * - fail only on a positively broken piece: CRDs not Established, a linked
 *   controller or webhook backend unavailable, a declared piece missing.
 * - partial when the shape is there but a piece is unseen.
 * - unknown when a read the grade depends on failed.
 */
import type {
  EvaluationError,
  Evidence,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ProbeResult } from '../../snapshot/types';
import type {
  DeclaredCapability,
  DeclaredSolution,
} from '../../solutions/declaredSolutions';
import type { CheckContext } from '../types';
import {
  type ComponentInputs,
  type ControllerLink,
  type WebhookLink,
  controllerLinks,
  crdGroups,
  crdState,
  webhookEvidence,
  webhookLinks,
  workloadAvailable,
  workloadEvidence,
  workloadName,
  KNOWN_NAME,
} from './components';
import { groupServed } from './readAccess';

/** A product the engine knows by name: only a hint that names it. */
export interface KnownComponent {
  name: string;
  /** API groups; empty for agents that have none (found by controller name). */
  groups: string[];
  /** Controller workload name (or app.kubernetes.io/name|component label). */
  controller?: RegExp;
}

export type Recognition = 'declared' | 'known' | 'shape';

export interface Candidate {
  name: string;
  group?: string;
  recognition: Recognition;
  knownController?: RegExp;
  declared?: DeclaredSolution;
}

export type Grade = 'pass' | 'partial' | 'fail' | 'unknown';

export interface ComponentAssessment {
  candidate: Candidate;
  grade: Grade;
  reason: string;
  evidence: Evidence[];
  errors: EvaluationError[];
  controllers: ControllerLink[];
  hooks: WebhookLink[];
  probe?: ProbeResult;
}

export function declaredFor(
  ctx: CheckContext,
  capability: DeclaredCapability,
): DeclaredSolution[] {
  return (ctx.solutions ?? []).filter(s => s.capability === capability);
}

export function candidateLabel(c: Candidate): string {
  const what =
    c.group && c.group !== c.name ? `${c.name} (${c.group})` : c.name;
  if (c.recognition === 'declared') return `${what}, declared`;
  if (c.recognition === 'shape') return `${what}, recognised by shape`;
  return what;
}

/**
 * The components that may provide a capability: declared ones, known ones
 * whose group is served (or whose controller runs, for group-less agents),
 * and every other served CRD group the shape rule accepts.
 */
export function findCandidates(
  ctx: CheckContext,
  inputs: ComponentInputs,
  opts: {
    capability: DeclaredCapability;
    known: KnownComponent[];
    /** Does a served group look like this capability? Omit: no shape rule. */
    shape?: (group: string, names: Set<string>) => boolean;
  },
): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set<string>();
  for (const d of declaredFor(ctx, opts.capability)) {
    out.push({
      name: d.name,
      group: d.group,
      recognition: 'declared',
      declared: d,
    });
    if (d.group) taken.add(d.group);
  }
  for (const k of opts.known) {
    const group = k.groups.find(
      g => !taken.has(g) && groupServed(ctx, g).served,
    );
    if (group) {
      taken.add(group);
      k.groups.forEach(g => taken.add(g));
      out.push({
        name: k.name,
        group,
        recognition: 'known',
        knownController: k.controller,
      });
    } else if (!k.groups.length && k.controller) {
      const re = k.controller;
      const runs = (inputs.workloads ?? []).some(
        w =>
          re.test(w.object.metadata.name) ||
          re.test(w.object.metadata.labels?.['app.kubernetes.io/name'] ?? ''),
      );
      if (runs)
        out.push({
          name: k.name,
          recognition: 'known',
          knownController: k.controller,
        });
    } else {
      k.groups.forEach(g => taken.add(g));
    }
  }
  if (opts.shape) {
    for (const [group, names] of shapeOfGroups(ctx, inputs)) {
      if (taken.has(group) || !ctx.served(group)) continue;
      if (!opts.shape(group, names)) continue;
      taken.add(group);
      out.push({ name: group, group, recognition: 'shape' });
    }
  }
  return out;
}

/**
 * Served API groups (other than the built-in unqualified ones) with the
 * lower-case kinds and plural resource names discovery and the CRDs show.
 */
export function shapeOfGroups(
  ctx: CheckContext,
  inputs: ComponentInputs,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (group: string, names: string[]) => {
    if (!group.includes('.')) return;
    const set = out.get(group) ?? new Set<string>();
    names.filter(Boolean).forEach(n => set.add(n.toLowerCase()));
    out.set(group, set);
  };
  for (const g of ctx.snapshot.discovery.groups) {
    add(
      g.name,
      g.versions.flatMap(v => v.resources.flatMap(r => [r.name, r.kind])),
    );
  }
  for (const [group, kinds] of crdGroups(inputs.crds ?? [])) add(group, kinds);
  return out;
}

/** True when the group shows any of the kinds (or plural names), case-insensitive. */
export function hasAnyKind(names: Set<string>, kinds: string[]): boolean {
  return kinds.some(k => names.has(k.toLowerCase()));
}

function result(
  partial: Omit<ComponentAssessment, 'grade' | 'reason'>,
  grade: Grade,
  reason: string,
): ComponentAssessment {
  return { ...partial, grade, reason };
}

/** Grades one component on what the API shows of it. */
export function assessComponent(
  ctx: CheckContext,
  inputs: ComponentInputs,
  candidate: Candidate,
  opts: { requireWebhook: boolean; probe?: ProbeResult },
): ComponentAssessment {
  const label = candidateLabel(candidate);
  const evidence: Evidence[] = [];
  const errors: EvaluationError[] = [];
  const { probe } = opts;
  const { group, declared } = candidate;
  let controllers: ControllerLink[] = [];
  let hooks: WebhookLink[] = [];
  const base = () => ({
    candidate,
    evidence,
    errors,
    controllers,
    hooks,
    probe,
  });
  if (candidate.recognition === 'declared') {
    evidence.push({
      description: `${label}: declared in the site's solutions`,
      fields: {
        recognition: 'declared',
        capability: declared?.capability ?? '',
        ...(group ? { group } : {}),
        ...(declared?.controller
          ? {
              controller: `${declared.controller.kind} ${declared.controller.namespace}/${declared.controller.name}`,
            }
          : {}),
      },
    });
  }
  if (group) {
    const served = groupServed(ctx, group);
    if (served.error) {
      errors.push(served.error);
      return result(base(), 'unknown', `discovery of ${group} failed`);
    }
    if (!served.served) {
      evidence.push({
        description: `${label}: API group ${group} is not served`,
        fields: { 'discovery.group': group, served: 'false' },
      });
      return result(base(), 'fail', `its API group ${group} is not served`);
    }
    evidence.push({
      description: `${label}: API group ${group} is served`,
      fields: { 'discovery.group': group, recognition: candidate.recognition },
    });
    const crds = crdState(inputs, group);
    if (crds) {
      if (crds.crds.length) {
        evidence.push({
          description: `${label}: ${
            crds.crds.length - crds.notEstablished.length
          }/${crds.crds.length} CRDs in ${group} Established`,
          fields: Object.fromEntries(
            crds.crds.map(c => [
              `${c.metadata.name}.status.conditions[Established]`,
              crds.notEstablished.includes(c) ? 'False' : 'True',
            ]),
          ),
        });
      }
      if (crds.notEstablished.length) {
        return result(
          base(),
          'fail',
          `${
            crds.notEstablished.length
          } of its CRDs are not Established (${crds.notEstablished
            .map(c => c.metadata.name)
            .join(', ')})`,
        );
      }
    } else if (inputs.errors.crds && opts.requireWebhook) {
      // An operator's CRDs are part of its grade; elsewhere they only add detail.
      errors.push(inputs.errors.crds);
    }
    hooks = webhookLinks(inputs, group) ?? [];
    evidence.push(...hooks.map(h => webhookEvidence(h, label)));
  }
  controllers = controllerLinks(inputs, {
    group,
    hooks,
    knownController: candidate.knownController,
    declared,
  });
  evidence.push(
    ...controllers.map(l => ({
      ...workloadEvidence(l.workload, `${label} controller (${l.via})`),
    })),
  );
  if (probe?.outcome === 'rejected' || probe?.outcome === 'accepted') {
    evidence.push({
      description: `${label}: server-side dry-run create of an invalid object was ${probe.outcome}`,
      fields: {
        'probe.outcome': probe.outcome,
        'probe.message': probe.message,
      },
      ...(probe.object ? { object: { ...probe.object } } : {}),
    });
  }
  const decl = declared?.controller;
  if (decl && inputs.workloads) {
    const found = controllers.find(l => l.via === 'declared');
    const unread = inputs.unreadKinds[decl.kind];
    if (!found && unread) {
      errors.push(unread);
      return result(
        base(),
        'unknown',
        `its declared ${decl.kind} could not be looked up`,
      );
    }
    if (!found) {
      return result(
        base(),
        'fail',
        `its declared controller ${decl.kind} ${decl.namespace}/${decl.name} does not exist`,
      );
    }
    if (!workloadAvailable(found.workload)) {
      return result(
        base(),
        'fail',
        `its declared controller ${workloadName(
          found.workload,
        )} is not available`,
      );
    }
  }
  const available = controllers.filter(l => workloadAvailable(l.workload));
  // Workloads named as this component's own (declared, or its known
  // controller name) must all be available; broader links (Helm release,
  // part-of label, namespace) only need one available workload.
  const ownDown = controllers.filter(
    l =>
      (l.via === 'declared' || l.via === KNOWN_NAME) &&
      !workloadAvailable(l.workload),
  );
  if (ownDown.length) {
    return result(
      base(),
      'fail',
      `its ${ownDown.length > 1 ? 'controllers' : 'controller'} ${ownDown
        .map(l => workloadName(l.workload))
        .join(', ')} ${ownDown.length > 1 ? 'are' : 'is'} not available`,
    );
  }
  if (controllers.length && !available.length) {
    return result(
      base(),
      'fail',
      `its controller ${controllers
        .map(l => workloadName(l.workload))
        .join(', ')} is not available`,
    );
  }
  const downHook = hooks.find(h => h.backend === 'down');
  if (downHook) {
    return result(
      base(),
      'fail',
      `the workload behind its webhook Service ${downHook.service?.namespace}/${downHook.service?.name} is not available`,
    );
  }
  if (probe?.outcome === 'accepted') {
    return result(
      base(),
      'partial',
      'an invalid object passed a server-side dry-run, so its validating webhook is not operational',
    );
  }
  if (!available.length && inputs.errors.deployments)
    errors.push(inputs.errors.deployments);
  if (opts.requireWebhook && group && !hooks.length && inputs.errors.webhooks)
    errors.push(inputs.errors.webhooks);
  if (errors.length)
    return result(base(), 'unknown', 'some of its objects could not be read');
  if (!available.length) {
    return result(
      base(),
      'partial',
      candidate.recognition === 'known'
        ? 'no controller workload linked to it (webhook Service, Helm release, part-of label or a known name) was found'
        : 'no controller workload linked to it (webhook Service, CRD conversion webhook, Helm release or part-of label) was found',
    );
  }
  if (opts.requireWebhook && probe?.outcome !== 'rejected') {
    if (!hooks.length) {
      return result(
        base(),
        'partial',
        'no validating or mutating admission webhook covers its API group',
      );
    }
    if (!hooks.some(h => h.backend !== 'unseen')) {
      return result(
        base(),
        'partial',
        `no workload was found behind the Service of its webhook ${hooks[0].config.metadata.name}`,
      );
    }
  }
  const reason = opts.requireWebhook
    ? `its CRDs are Established, its controller ${workloadName(
        available[0].workload,
      )} is available and ${
        hooks.length
          ? `its admission webhook ${hooks[0].config.metadata.name} is configured`
          : 'its webhook rejected an invalid object'
      }`
    : `${workloadName(available[0].workload)} is available`;
  return result(base(), 'pass', reason);
}

const RANK: Record<Grade, number> = {
  pass: 0,
  partial: 1,
  unknown: 2,
  fail: 3,
};
const SOURCE: Record<Recognition, number> = { declared: 0, known: 1, shape: 2 };

/** Best first: by grade, then declared before known before shape-only. */
export function byGrade(
  a: ComponentAssessment,
  b: ComponentAssessment,
): number {
  return (
    RANK[a.grade] - RANK[b.grade] ||
    SOURCE[a.candidate.recognition] - SOURCE[b.candidate.recognition]
  );
}
