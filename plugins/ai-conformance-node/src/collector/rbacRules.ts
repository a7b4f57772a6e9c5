import { stringify } from 'yaml';
import type { Check } from '../checks/types';
import { ENGINE_READS } from '../evaluate/engineReads';
import { getProbeDefinition } from '../probes/probeDefinitions';
import type { ReadSpec } from '../snapshot/types';
import { describeRead, isForbiddenResource, planReads } from './readPlan';

/**
 * One rule of a ClusterRole.
 *
 * @public
 */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

const DISCOVERY_RULE: PolicyRule = {
  nonResourceURLs: ['/version', '/api', '/api/*', '/apis', '/apis/*'],
  verbs: ['get'],
};

/**
 * The least rules that allow every passive read of the given checks (and
 * the engine's own reads): `get` for reads of one named object, `get` and
 * `list` otherwise; never Secrets.
 *
 * @public
 */
export function passiveRbacRules(checks: Check[]): PolicyRule[] {
  const specs = planReads([
    ...ENGINE_READS,
    ...checks.flatMap(c => c.reads),
  ]).filter(s => !isForbiddenResource(s));
  const lists = new Map<string, Set<string>>();
  const named = new Map<string, Set<string>>();
  for (const s of specs) {
    if (s.name) {
      const key = `${s.group}\u0000${s.resource}`;
      named.set(key, (named.get(key) ?? new Set()).add(s.name));
    } else {
      lists.set(s.group, (lists.get(s.group) ?? new Set()).add(s.resource));
    }
  }
  const rules: PolicyRule[] = [...lists.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, resources]) => ({
      apiGroups: [group],
      resources: [...resources].sort(),
      verbs: ['get', 'list'],
    }));
  for (const [key, names] of [...named.entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const [group, resource] = key.split('\u0000');
    if (lists.get(group)?.has(resource)) continue;
    rules.push({
      apiGroups: [group],
      resources: [resource],
      resourceNames: [...names].sort(),
      verbs: ['get'],
    });
  }
  rules.push(DISCOVERY_RULE);
  return rules;
}

/** A ClusterRole labelled as ours, as YAML after a comment header. */
export function clusterRoleYaml(
  name: string,
  rules: PolicyRule[],
  header: string[],
): string {
  const role = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: { 'app.kubernetes.io/name': 'ai-conformance' },
    },
    rules,
  };
  return `${header.map(h => `# ${h}\n`).join('')}${stringify(role, {
    singleQuote: true,
  })}`;
}

/**
 * The read-only ClusterRole for passive checks, as YAML.
 *
 * @public
 */
export function passiveClusterRoleYaml(
  checks: Check[],
  name = 'ai-conformance-reader',
): string {
  return clusterRoleYaml(name, passiveRbacRules(checks), [
    "Generated from the checks' declared reads; do not edit by hand.",
    'Read-only: get/list only, never Secrets.',
  ]);
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function verbOf(s: ReadSpec): string {
  return s.name ? 'get' : 'list';
}

/**
 * Markdown table: the reads each requirement's check needs.
 *
 * @public
 */
export function readsTableMarkdown(checks: Check[]): string {
  const lines = [
    row(['Requirement', 'Read', 'Verb', 'Resource', 'API group', 'Version']),
    row(['---', '---', '---', '---', '---', '---']),
  ];
  const engine = planReads(ENGINE_READS);
  const entries: Array<[string, ReadSpec[]]> = [
    ['(engine)', engine],
    ...checks.map(c => [c.id, planReads(c.reads)] as [string, ReadSpec[]]),
  ];
  for (const [id, reads] of entries) {
    for (const s of reads) {
      lines.push(
        row([
          `\`${id}\``,
          `\`${s.key}\``,
          verbOf(s),
          s.name
            ? `${s.resource} (${s.namespace ? `${s.namespace}/` : ''}${s.name})`
            : s.resource,
          s.group ? `\`${s.group}\`` : 'core',
          s.version === '*' ? 'preferred' : s.version,
        ]),
      );
    }
  }
  return lines.join('\n');
}

/**
 * Markdown table: what the optional dry-run probes need.
 *
 * @public
 */
export function probesTableMarkdown(checks: Check[]): string {
  const lines = [
    row(['Probe', 'Verb', 'Resource', 'API group', 'Namespace']),
    row(['---', '---', '---', '---', '---']),
  ];
  const ids = [
    ...new Set(checks.flatMap(c => (c.probes ?? []).map(p => p.id))),
  ];
  for (const id of ids) {
    const def = getProbeDefinition(id);
    if (!def) continue;
    lines.push(
      row([
        `\`${id}\``,
        'create (dryRun=All)',
        def.resource,
        `\`${def.group}\``,
        def.namespace,
      ]),
    );
  }
  return lines.join('\n');
}

/**
 * One line per read, e.g. for logs: "list apps/v1 deployments".
 *
 * @public
 */
export function describeReads(checks: Check[]): string[] {
  return planReads([...ENGINE_READS, ...checks.flatMap(c => c.reads)]).map(s =>
    describeRead(s),
  );
}
