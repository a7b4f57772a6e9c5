import { clusterRoleYaml, type PolicyRule } from '../collector/rbacRules';
import { ACTIVE_CHECKS, RUNNER_PERMISSIONS } from './activeChecks';
import type { ActiveCheck, ActivePermission } from './types';

/**
 * The rules an active run needs, from the checks' declared permissions and
 * the runner's own. Namespaced permissions are granted cluster-wide because
 * each run's namespace has a new name.
 *
 * @public
 */
export function activeRbacRules(
  checks: readonly ActiveCheck[] = ACTIVE_CHECKS,
): PolicyRule[] {
  const perms: ActivePermission[] = [
    ...RUNNER_PERMISSIONS,
    ...checks.flatMap(c => c.permissions),
  ];
  const byKey = new Map<
    string,
    { group: string; resource: string; verbs: Set<string> }
  >();
  for (const p of perms) {
    const resource = p.subresource
      ? `${p.resource}/${p.subresource}`
      : p.resource;
    const key = `${p.group}\u0000${resource}`;
    const entry = byKey.get(key) ?? {
      group: p.group,
      resource,
      verbs: new Set<string>(),
    };
    p.verbs.forEach(v => entry.verbs.add(v));
    byKey.set(key, entry);
  }
  // one rule per (group, verbs) set
  const rules = new Map<string, PolicyRule>();
  const order = ['get', 'list', 'create', 'delete'];
  for (const e of byKey.values()) {
    const verbs = [...e.verbs].sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    const key = `${e.group}\u0000${verbs.join(',')}`;
    const rule = rules.get(key) ?? {
      apiGroups: [e.group],
      resources: [],
      verbs,
    };
    rule.resources!.push(e.resource);
    rules.set(key, rule);
  }
  return [...rules.values()]
    .map(r => ({ ...r, resources: [...r.resources!].sort() }))
    .sort(
      (a, b) =>
        a.apiGroups![0].localeCompare(b.apiGroups![0]) ||
        a.resources[0].localeCompare(b.resources[0]),
    );
}

/**
 * The ClusterRole for active runs, as YAML (bind it in addition to the
 * read-only role).
 *
 * @public
 */
export function activeClusterRoleYaml(
  checks: readonly ActiveCheck[] = ACTIVE_CHECKS,
  name = 'ai-conformance-active',
): string {
  return clusterRoleYaml(name, activeRbacRules(checks), [
    "Generated from the active checks' declared permissions; do not edit by hand.",
    'For "check --active" only: creates and deletes test objects, never touches Secrets.',
  ]);
}

const SCOPE_TEXT: Record<ActivePermission['scope'], string> = {
  run: 'run namespace',
  all: 'all namespaces',
  cluster: 'cluster',
};

/**
 * Markdown table: what each active check creates and the verbs it uses.
 *
 * @public
 */
export function activeChecksTableMarkdown(
  checks: readonly ActiveCheck[] = ACTIVE_CHECKS,
): string {
  const lines = [
    '| Requirement | Creates | Permissions | Default deadline |',
    '| --- | --- | --- | --- |',
  ];
  for (const c of checks) {
    const perms = c.permissions
      .map(
        p =>
          `${p.verbs.join('/')} ${p.resource.replace(/\*/g, '\\*')}${
            p.subresource ? `/${p.subresource}` : ''
          }${p.group ? `.${p.group}` : ''} (${SCOPE_TEXT[p.scope]})`,
      )
      .join('<br>');
    lines.push(
      `| \`${c.id}\` | ${c.creates.join('<br>')} | ${perms} | ${Math.round(
        c.deadlineMs / 60_000,
      )} min |`,
    );
  }
  return lines.join('\n');
}
