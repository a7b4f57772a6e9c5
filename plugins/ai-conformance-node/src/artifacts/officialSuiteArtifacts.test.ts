/**
 * The official suite's three artifacts in their real format (GKE's accepted
 * v1.37 submission, and a copy edited to hold one failing and one skipped
 * test; see the fixtures' READMEs in packages/cli), read and merged as the
 * engine does.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  getChecklist,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { mergeArtifactResults } from './mergeArtifactResults';
import { parseE2eLogArtifact } from './parseE2eLogArtifact';
import { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';
import { parseJUnitArtifact } from './parseJUnitArtifact';
import type { ArtifactResults } from './types';

const FIXTURES = path.resolve(
  __dirname,
  '../../../../packages/cli/src/validate/__fixtures__',
);

function artifacts(name: string, extra = ''): ArtifactResults[] {
  const dir = path.join(FIXTURES, name, 'v1.37', 'gke');
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return [
    parseJUnitArtifact(read('junit.xml'), 'junit.xml'),
    parseGoTestJsonArtifact(read('results.json') + extra, 'results.json'),
    parseE2eLogArtifact(read('e2e.log'), 'e2e.log'),
  ];
}

const report: ConformanceReport = {
  schemaVersion: 1,
  requirementsVersion: '1.37',
  generatedAt: '2026-11-01T10:00:00.000Z',
  cluster: { name: 'gke', platform: 'gke', accelerators: [] },
  verdict: 'conformant',
  requirements: getChecklist('1.37').requirements.map(
    (r): RequirementResult => ({
      id: r.id,
      category: r.category,
      level: r.level,
      conditional: r.conditional,
      title: r.title,
      status: 'pass',
      method: 'passive',
      summary: `${r.id} found`,
      evidence: [],
      remediation: [],
      errors: [],
    }),
  ),
  findings: [],
  stats: { apiRequests: 1, durationMs: 1 },
};

const byId = (r: ConformanceReport, id: string) =>
  r.requirements.find(x => x.id === id)!;

describe('official-suite artifacts (real format)', () => {
  it('reads the same tests, subtests folded, from each of the three artifacts', () => {
    for (const a of artifacts('cncf-v1.37-gke')) {
      expect(a.tests).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'TestSecureAcceleratorAccess',
            status: 'passed',
            durationSeconds: 120.26,
          }),
          expect.objectContaining({
            name: 'TestGangScheduling',
            status: 'passed',
          }),
          expect.objectContaining({
            name: 'TestAcceleratorClusterAutoscaling',
            status: 'passed',
          }),
        ]),
      );
      expect(a.tests.map(t => t.name)).not.toContain(
        'TestGangScheduling/PositiveGangScheduling',
      );
      expect(a.tests).toHaveLength(3);
    }
  });

  it('makes each mapped test evidence on its requirement, with its name and outcome', () => {
    const merged = mergeArtifactResults(report, artifacts('cncf-v1.37-gke'));
    for (const [id, test] of [
      ['gang_scheduling', 'TestGangScheduling'],
      ['cluster_autoscaling', 'TestAcceleratorClusterAutoscaling'],
      ['secure_accelerator_access', 'TestSecureAcceleratorAccess'],
    ]) {
      const r = byId(merged, id);
      expect(r.status).toBe('pass');
      expect(r.method).toBe('artifact');
      expect(r.evidence.map(e => e.description)).toEqual([
        `Official test ${test} passed (junit.xml)`,
        `Official test ${test} passed (results.json)`,
        `Official test ${test} passed (e2e.log)`,
      ]);
    }
    expect(byId(merged, 'robust_controller').method).toBe('passive');
    expect(merged.verdict).toBe('conformant');
  });

  it('fails the requirement of a failing test and takes no evidence from a skipped one', () => {
    const merged = mergeArtifactResults(
      report,
      artifacts('cncf-v1.37-gke-failing'),
    );
    const gang = byId(merged, 'gang_scheduling');
    expect(gang.status).toBe('fail');
    expect(gang.summary).toBe('Official test TestGangScheduling failed.');
    expect(gang.evidence[2]).toEqual(
      expect.objectContaining({
        description: expect.stringMatching(
          /^Official test TestGangScheduling failed \(e2e\.log\): gang_scheduling_test\.go:89: Creating negative test job neg-job/,
        ),
        fields: expect.objectContaining({
          failedSubtests: 'TestGangScheduling/NegativeGangScheduling',
        }),
      }),
    );
    const autoscaling = byId(merged, 'cluster_autoscaling');
    expect(autoscaling.status).toBe('pass');
    expect(autoscaling.method).toBe('passive');
    expect(autoscaling.evidence).toEqual([]);
    expect(autoscaling.notes?.[0]).toMatch(
      /^Official test TestAcceleratorClusterAutoscaling was skipped: a skipped test is no evidence/,
    );
    expect(byId(merged, 'secure_accelerator_access').status).toBe('pass');
    expect(merged.verdict).toBe('not-conformant');
  });

  it('ignores a test that the checklist version does not map', () => {
    const extra =
      '{"Action":"fail","Package":"p","Test":"TestSomethingNew","Elapsed":1}\n';
    const merged = mergeArtifactResults(
      report,
      artifacts('cncf-v1.37-gke', extra),
    );
    expect(merged.verdict).toBe('conformant');
    expect(JSON.stringify(merged)).not.toContain('TestSomethingNew');
  });

  it('refuses an e2e.log without any result line', () => {
    expect(() => parseE2eLogArtifact('=== RUN   TestX\n    log\n')).toThrow(
      'e2e.log holds no go test result line (--- PASS/FAIL/SKIP)',
    );
  });

  it('refuses an e2e.log with a broken result line or a control character, naming the line', () => {
    expect(() =>
      parseE2eLogArtifact('=== RUN   TestX\n--- PASS TestX (1.00s)\n'),
    ).toThrow(
      'e2e.log line 2: a result line must read "--- PASS|FAIL|SKIP: TestName (1.23s)", got "--- PASS TestX (1.00s)"',
    );
    expect(() =>
      parseE2eLogArtifact(
        '=== RUN   TestX\n    a\u0000b\n--- PASS: TestX (1.00s)\n',
      ),
    ).toThrow('e2e.log line 2: control character U+0000');
    // terminal colours and CRLF line ends are plain text
    expect(
      parseE2eLogArtifact(
        '=== RUN   TestX\r\n    \u001b[32mok\u001b[0m\r\n--- PASS: TestX (1.00s)\r\n',
      ).tests,
    ).toEqual([expect.objectContaining({ name: 'TestX', status: 'passed' })]);
  });
});
