import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ACTIVE_CHECKS } from './activeChecks';
import {
  activeChecksTableMarkdown,
  activeClusterRoleYaml,
  activeRbacRules,
} from './activeRbac';

describe('activeRbacRules', () => {
  it('covers every declared permission and never Secrets', () => {
    const rules = activeRbacRules();
    const granted = new Set(
      rules.flatMap(r =>
        r.resources!.flatMap(res =>
          r.verbs.map(v => `${r.apiGroups![0]}|${res}|${v}`),
        ),
      ),
    );
    for (const check of ACTIVE_CHECKS) {
      for (const p of check.permissions) {
        const res = p.subresource
          ? `${p.resource}/${p.subresource}`
          : p.resource;
        for (const v of p.verbs)
          expect(granted).toContain(`${p.group}|${res}|${v}`);
      }
    }
    expect(granted).toContain('|namespaces|create');
    expect(JSON.stringify(rules)).not.toContain('secrets');
    expect(rules.flatMap(r => r.verbs)).not.toContain('*');
  });
});

/**
 * docs/rbac/clusterrole-active.yaml and the table in docs/active-checks.md
 * are generated. Run with UPDATE_RBAC_DOCS=1 to rewrite them.
 */
describe('docs for active checks', () => {
  const root = path.resolve(__dirname, '../../../../docs');
  const yamlPath = path.join(root, 'rbac', 'clusterrole-active.yaml');
  const docPath = path.join(root, 'active-checks.md');
  const START = '<!-- generated:active-checks:start -->';
  const END = '<!-- generated:active-checks:end -->';

  if (process.env.UPDATE_RBAC_DOCS) {
    fs.writeFileSync(yamlPath, activeClusterRoleYaml());
    const doc = fs.readFileSync(docPath, 'utf8');
    const i = doc.indexOf(START);
    const j = doc.indexOf(END);
    if (i < 0 || j < 0) throw new Error(`${docPath} lacks ${START} … ${END}`);
    fs.writeFileSync(
      docPath,
      `${doc.slice(
        0,
        i + START.length,
      )}\n\n${activeChecksTableMarkdown()}\n\n${doc.slice(j)}`,
    );
  }

  it('clusterrole-active.yaml matches the checks’ permissions', () => {
    expect(parse(fs.readFileSync(yamlPath, 'utf8'))).toEqual(
      parse(activeClusterRoleYaml()),
    );
  });

  it('the table in active-checks.md matches the checks', () => {
    const doc = fs.readFileSync(docPath, 'utf8');
    const block = doc.slice(
      doc.indexOf(START) + START.length,
      doc.indexOf(END),
    );
    const cells = (t: string) =>
      t
        .trim()
        .split('\n')
        .map(l =>
          l
            .split('|')
            .map(c => c.trim().replace(/^-{3,}$/, '---'))
            .join('|'),
        );
    expect(cells(block)).toEqual(cells(activeChecksTableMarkdown()));
  });
});
