import {
  getChecklist,
  type ConformanceReport,
  type RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mergeActiveResults } from '../active/mergeActiveResults';
import { verdictOfSteps, type StepOutcome } from '../active/stepVerdict';
import type { ActiveCheckResult } from '../active/types';
import { parseE2eLogArtifact } from './parseE2eLogArtifact';
import { parseGoTestJsonArtifact } from './parseGoTestJsonArtifact';
import { parseJUnitArtifact } from './parseJUnitArtifact';
import { ACTIVE_TEST_ROOT, writeActiveArtifacts } from './writeActiveArtifacts';

function passive(id: string): RequirementResult {
  const { category, level, conditional, title } = getChecklist(
    '1.37',
  ).requirements.find(r => r.id === id)!;
  return {
    ...{ id, category, level, conditional, title, status: 'pass' },
    method: 'passive',
    summary: 'passive pass',
    evidence: [{ description: `passive evidence of ${id}` }],
    ...{ remediation: [], errors: [] },
  };
}

function active(id: string, steps: StepOutcome[]): ActiveCheckResult {
  const result = verdictOfSteps(id, steps, [], {
    failPrefix: 'broken: ',
    unknownPrefix: 'could not tell: ',
    pass: `${id} works`,
  });
  return {
    ...result,
    evidence: [
      ...result.evidence,
      { description: 'Steps of the active check (12.5 s in all)', fields: {} },
    ],
    durationMs: 12500,
  };
}

const step = (
  name: string,
  outcome: StepOutcome['outcome'],
  detail: string,
): StepOutcome => ({ name, outcome, detail });

function reportWith(results: ActiveCheckResult[]): ConformanceReport {
  const base: ConformanceReport = {
    schemaVersion: 1,
    requirementsVersion: '1.37',
    generatedAt: '2026-10-01T21:36:36.000Z',
    cluster: { name: 'c', platform: 'gke', accelerators: [] },
    verdict: 'conformant',
    requirements: [
      passive('secure_accelerator_access'),
      passive('gang_scheduling'),
      passive('robust_controller'),
      passive('ai_inference'),
    ],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
  return mergeActiveResults(base, {
    runId: 'r',
    namespace: 'aic-run-r',
    startedAt: '',
    durationMs: 1000,
    missingPermissions: [],
    results,
    swept: { deleted: [], skipped: [], errors: [] },
    cleanup: { deleted: [], skipped: [], errors: [] },
    cancelled: false,
  });
}

const mixed = reportWith([
  active('secure_accelerator_access', [
    step('PositiveAccess', 'pass', 'granted sees 1 device'),
    step('NegativeIsolation', 'pass', 'none sees 0 devices'),
  ]),
  active('gang_scheduling', [
    step('NegativeGangScheduling', 'fail', 'pod member-0 Running while 3 wait'),
    step('PositiveGangScheduling', 'pass', 'all 2 members ran'),
  ]),
  active('robust_controller', [
    step('InvalidRejected', 'pass', 'webhook refused the object'),
    step('ValidReconciled', 'unknown', 'deadline before status changed'),
  ]),
]);

const junitParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: n => n === 'testcase' || n === 'testsuite',
});

describe('writeActiveArtifacts', () => {
  it('writes nothing for a report without active results', () => {
    expect(writeActiveArtifacts(reportWith([]))).toBeUndefined();
  });

  it('names each requirement and step under our own root, never an official test', () => {
    const a = writeActiveArtifacts(mixed)!;
    expect(a.tests).toEqual({
      secure_accelerator_access: {
        name: 'TestAIConformanceActive/secure_accelerator_access',
        outcome: 'pass',
      },
      gang_scheduling: {
        name: 'TestAIConformanceActive/gang_scheduling',
        outcome: 'fail',
      },
      robust_controller: {
        name: 'TestAIConformanceActive/robust_controller',
        outcome: 'skip',
      },
    });
    const official = new Set(
      getChecklist('1.37').requirements.flatMap(r => r.officialTests ?? []),
    );
    const names = [...a['e2e.log'].matchAll(/^=== RUN\s+(\S+)$/gm)].map(
      m => m[1],
    );
    expect(names).toContain(
      'TestAIConformanceActive/secure_accelerator_access/PositiveAccess',
    );
    for (const n of names) {
      expect(n.split('/')[0]).toBe(ACTIVE_TEST_ROOT);
      expect(official.has(n.split('/')[0])).toBe(false);
    }
    // the passive-only requirement is not an active test
    expect(a['e2e.log']).not.toContain('ai_inference');
  });

  it('junit.xml is valid gotestsum-style XML with pass, failure and skipped test cases', () => {
    const xml = writeActiveArtifacts(mixed)!['junit.xml'];
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = junitParser.parse(xml);
    expect(doc.testsuites).toMatchObject({
      tests: '10',
      failures: '3',
      errors: '0',
    });
    const suite = doc.testsuites.testsuite[0];
    expect(suite).toMatchObject({
      name: 'ai-conformance/active',
      tests: '10',
      failures: '3',
      skipped: '2',
      timestamp: '2026-10-01T21:36:36.000Z',
    });
    const byName = new Map<string, any>(
      suite.testcase.map((t: any) => [t.name, t]),
    );
    const gangStep = byName.get(
      'TestAIConformanceActive/gang_scheduling/NegativeGangScheduling',
    );
    expect(gangStep.classname).toBe('ai-conformance/active');
    expect(gangStep.failure.message).toBe('Failed');
    expect(gangStep.failure['#text']).toContain(
      'pod member-0 Running while 3 wait',
    );
    const unknownStep = byName.get(
      'TestAIConformanceActive/robust_controller/ValidReconciled',
    );
    expect(unknownStep.skipped.message).toContain(
      'could not tell (unknown): deadline before status changed',
    );
    const passing = byName.get(
      'TestAIConformanceActive/secure_accelerator_access/PositiveAccess',
    );
    expect(passing.failure).toBeUndefined();
    expect(passing.skipped).toBeUndefined();
    expect(
      byName.get('TestAIConformanceActive/secure_accelerator_access').time,
    ).toBe('12.500000');
  });

  it('results.json is go test -json: ordered events per test, Go field order, a package result last', () => {
    const text = writeActiveArtifacts(mixed)!['results.json'];
    const events = text
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(events[0]).toEqual({
      Time: '2026-10-01T21:36:36.000Z',
      Action: 'start',
      Package: 'ai-conformance/active',
    });
    expect(events.at(-1)).toMatchObject({
      Action: 'fail',
      Package: 'ai-conformance/active',
    });
    expect(events.at(-1).Test).toBeUndefined();
    const order = ['Time', 'Action', 'Package', 'Test', 'Elapsed', 'Output'];
    for (const e of events) {
      const keys = Object.keys(e);
      expect(keys).toEqual(order.filter(k => keys.includes(k)));
    }
    const times = events.map(e => Date.parse(e.Time));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    // every test runs before its result; each has exactly one result
    const finals = new Map<string, string>();
    const ran = new Set<string>();
    const resultBeforeRun: string[] = [];
    const twoResults: string[] = [];
    for (const e of events.filter(x => x.Test)) {
      if (e.Action === 'run') ran.add(e.Test);
      if (['pass', 'fail', 'skip'].includes(e.Action)) {
        if (!ran.has(e.Test)) resultBeforeRun.push(e.Test);
        if (finals.has(e.Test)) twoResults.push(e.Test);
        finals.set(e.Test, e.Action);
      }
    }
    expect(resultBeforeRun).toEqual([]);
    expect(twoResults).toEqual([]);
    expect(finals.size).toBe(ran.size);
    expect(finals.get('TestAIConformanceActive/robust_controller')).toBe(
      'skip',
    );
    expect(finals.get(ACTIVE_TEST_ROOT)).toBe('fail');
  });

  it('e2e.log is the output of results.json', () => {
    const a = writeActiveArtifacts(mixed)!;
    const outputs = a['results.json']
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l).Output ?? '')
      .join('');
    expect(a['e2e.log']).toBe(outputs);
    expect(a['e2e.log']).toMatch(
      /^--- FAIL: TestAIConformanceActive \(37\.50s\)\n {4}--- PASS: TestAIConformanceActive\/secure_accelerator_access \(12\.50s\)$/m,
    );
    expect(a['e2e.log']).toMatch(
      /^FAIL\nFAIL\tai-conformance\/active\t37\.500s\n$/m,
    );
  });

  it('our own parsers read all three back with the same outcome', () => {
    const a = writeActiveArtifacts(mixed)!;
    const expected = {
      name: ACTIVE_TEST_ROOT,
      status: 'failed',
      failedSubtests: expect.arrayContaining([
        'TestAIConformanceActive/gang_scheduling',
        'TestAIConformanceActive/gang_scheduling/NegativeGangScheduling',
      ]),
    };
    for (const parsed of [
      parseJUnitArtifact(a['junit.xml']),
      parseGoTestJsonArtifact(a['results.json']),
      parseE2eLogArtifact(a['e2e.log']),
    ]) {
      expect(parsed.tests).toEqual([expect.objectContaining(expected)]);
      expect(parsed.tests[0].message).toContain(
        'pod member-0 Running while 3 wait',
      );
    }
  });

  it('a passing run passes in all three formats; unknown steps are skipped, not failed', () => {
    const a = writeActiveArtifacts(
      reportWith([
        active('secure_accelerator_access', [
          step('PositiveAccess', 'pass', 'ok'),
        ]),
        active('robust_controller', [
          step('ValidReconciled', 'unknown', 'no permission'),
        ]),
      ]),
    )!;
    for (const parsed of [
      parseJUnitArtifact(a['junit.xml']),
      parseGoTestJsonArtifact(a['results.json']),
      parseE2eLogArtifact(a['e2e.log']),
    ]) {
      expect(parsed.tests).toEqual([
        expect.objectContaining({ name: ACTIVE_TEST_ROOT, status: 'passed' }),
      ]);
    }
    expect(a['e2e.log']).toContain(
      '--- SKIP: TestAIConformanceActive/robust_controller/ValidReconciled (0.00s)',
    );
    expect(a['e2e.log']).toMatch(/^ok {2}\tai-conformance\/active\t/m);
  });

  it('escapes step text: XML stays valid and a logged result line is not read as a result', () => {
    const a = writeActiveArtifacts(
      reportWith([
        active('secure_accelerator_access', [
          step(
            'Positive Access<x>',
            'fail',
            'saw <script>&"\'\n--- PASS: TestSecureAcceleratorAccess (1.00s)\u0007',
          ),
        ]),
      ]),
    )!;
    expect(XMLValidator.validate(a['junit.xml'])).toBe(true);
    const doc = junitParser.parse(a['junit.xml']);
    const names = doc.testsuites.testsuite[0].testcase.map((t: any) => t.name);
    expect(names).toContain(
      'TestAIConformanceActive/secure_accelerator_access/Positive_Access_x_',
    );
    expect(a['e2e.log']).not.toMatch(
      /^\s*--- PASS: TestSecureAcceleratorAccess/m,
    );
    expect(a['e2e.log']).not.toContain('\u0007');
    for (const parsed of [
      parseGoTestJsonArtifact(a['results.json']),
      parseE2eLogArtifact(a['e2e.log']),
    ]) {
      expect(parsed.tests.map(t => t.name)).toEqual([ACTIVE_TEST_ROOT]);
      expect(parsed.tests[0].status).toBe('failed');
    }
  });
});
