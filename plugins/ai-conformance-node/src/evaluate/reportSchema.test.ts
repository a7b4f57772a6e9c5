import { allChecks } from '../checks';
import { makeNode, makeSnapshot } from '../snapshot/__testUtils__/makeSnapshot';
import { evaluate } from './evaluate';
import { reportSchemaErrors } from './__testUtils__/schemaValidators';

describe('docs/schema/report.schema.json', () => {
  const snapshot = makeSnapshot({
    nodes: [
      makeNode('gpu', {
        labels: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' },
        capacity: { 'nvidia.com/gpu': '1' },
      }),
    ],
  });
  snapshot.reads.crds = {
    outcome: 'forbidden',
    request: 'list apiextensions.k8s.io/v1 customresourcedefinitions',
    httpStatus: 403,
  };

  it('accepts reports of every checklist version, with artifacts merged', () => {
    for (const requirementsVersion of [
      '1.33',
      '1.34',
      '1.35',
      '1.36',
      '1.37',
    ]) {
      const report = evaluate(snapshot, {
        checks: allChecks,
        requirementsVersion,
        artifacts: {
          source: 'junit',
          tests: [
            {
              name: 'TestGangScheduling',
              status: 'failed',
              durationSeconds: 3,
            },
          ],
        },
      });
      expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual(
        [],
      );
    }
  });

  it('rejects reports that break the contract', () => {
    const report = evaluate(snapshot, { checks: allChecks });
    const broken = {
      ...report,
      requirements: [{ ...report.requirements[0], status: 'maybe' }],
    };
    expect(reportSchemaErrors(broken).join('\n')).toMatch(
      /requirements\/0\/status/,
    );
    const { verdict: _v, ...noVerdict } = report;
    expect(reportSchemaErrors(noVerdict).join('\n')).toMatch(/verdict/);
  });
});
