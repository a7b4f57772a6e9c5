import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { allChecks } from '../checks';
import type { Check } from '../checks/types';
import {
  passiveClusterRoleYaml,
  passiveRbacRules,
  probesTableMarkdown,
  readsTableMarkdown,
} from './rbacRules';

const check = (reads: Check['reads']): Check => ({
  id: 'c',
  reads,
  evaluate: () => ({
    status: 'unknown',
    summary: '',
    evidence: [],
    remediation: [],
    errors: [],
  }),
});

describe('passiveRbacRules', () => {
  it('grants get/list per group, get on named objects, discovery, and never Secrets', () => {
    const rules = passiveRbacRules([
      check([
        { key: 'd', group: 'apps', version: 'v1', resource: 'deployments' },
        { key: 'ds', group: 'apps', version: 'v1', resource: 'daemonsets' },
        {
          key: 'cm',
          group: '',
          version: 'v1',
          resource: 'configmaps',
          namespace: 'kube-system',
          name: 'cluster-autoscaler-status',
        },
        { key: 's', group: '', version: 'v1', resource: 'secrets' },
      ]),
    ]);
    expect(rules).toEqual([
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list'] },
      {
        apiGroups: ['apps'],
        resources: ['daemonsets', 'deployments'],
        verbs: ['get', 'list'],
      },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['cluster-autoscaler-status'],
        verbs: ['get'],
      },
      {
        nonResourceURLs: ['/version', '/api', '/api/*', '/apis', '/apis/*'],
        verbs: ['get'],
      },
    ]);
    expect(JSON.stringify(rules)).not.toContain('secrets');
    expect(rules.flatMap(r => r.verbs)).not.toContain('create');
  });
});

/**
 * docs/rbac holds generated files. Run with UPDATE_RBAC_DOCS=1 to rewrite
 * them after changing a check's reads.
 */
describe('docs/rbac', () => {
  const dir = path.resolve(__dirname, '../../../../docs/rbac');
  const yamlPath = path.join(dir, 'clusterrole-passive.yaml');
  const readmePath = path.join(dir, 'README.md');
  const START = '<!-- generated:reads:start -->';
  const END = '<!-- generated:reads:end -->';
  const PSTART = '<!-- generated:probes:start -->';
  const PEND = '<!-- generated:probes:end -->';

  const replaceBlock = (
    text: string,
    start: string,
    end: string,
    body: string,
  ) => {
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < 0)
      throw new Error(`${readmePath} lacks ${start} … ${end}`);
    return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
  };

  if (process.env.UPDATE_RBAC_DOCS) {
    fs.writeFileSync(yamlPath, passiveClusterRoleYaml(allChecks));
    let readme = fs.readFileSync(readmePath, 'utf8');
    readme = replaceBlock(readme, START, END, readsTableMarkdown(allChecks));
    readme = replaceBlock(readme, PSTART, PEND, probesTableMarkdown(allChecks));
    fs.writeFileSync(readmePath, readme);
  }

  it('clusterrole-passive.yaml matches the checks’ reads', () => {
    const onDisk = parse(fs.readFileSync(yamlPath, 'utf8'));
    expect(onDisk).toEqual(parse(passiveClusterRoleYaml(allChecks)));
  });

  it('README tables match the checks’ reads and probes', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    // Compares cells, so a formatter may pad the table.
    const cells = (table: string) =>
      table
        .trim()
        .split('\n')
        .map(line =>
          line
            .split('|')
            .map(c => c.trim().replace(/^-{3,}$/, '---'))
            .join('|'),
        );
    const block = (start: string, end: string) =>
      readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
    expect(cells(block(START, END))).toEqual(
      cells(readsTableMarkdown(allChecks)),
    );
    expect(cells(block(PSTART, PEND))).toEqual(
      cells(probesTableMarkdown(allChecks)),
    );
  });
});
