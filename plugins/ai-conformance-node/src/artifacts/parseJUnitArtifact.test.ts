import { parseJUnitArtifact } from './parseJUnitArtifact';

const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="6" failures="1" skipped="2">
  <testsuite name="sigs.k8s.io/ai-conformance/test" tests="6" failures="1">
    <testcase classname="test" name="TestSecureAcceleratorAccess" time="41.20"></testcase>
    <testcase classname="test" name="TestGangScheduling/all_or_nothing" time="10.0">
      <failure message="Failed">pods started without their gang</failure>
    </testcase>
    <testcase classname="test" name="TestGangScheduling" time="12.5">
      <failure message="Failed"></failure>
    </testcase>
    <testcase classname="test" name="TestAcceleratorClusterAutoscaling" time="0.00">
      <skipped message="-autoscaler-node-pool-label not set"></skipped>
    </testcase>
    <testcase classname="test" name="TestAIServiceMetrics" time="0"><skipped/></testcase>
  </testsuite>
</testsuites>`;

describe('parseJUnitArtifact', () => {
  it('reads outcomes per top-level test', () => {
    const r = parseJUnitArtifact(JUNIT, 'results/junit.xml');
    expect(r.source).toBe('junit');
    expect(r.location).toBe('results/junit.xml');
    const byName = Object.fromEntries(r.tests.map(t => [t.name, t]));
    expect(byName.TestSecureAcceleratorAccess).toMatchObject({
      status: 'passed',
      durationSeconds: 41.2,
    });
    expect(byName.TestGangScheduling).toMatchObject({
      status: 'failed',
      failedSubtests: ['TestGangScheduling/all_or_nothing'],
      message: expect.stringContaining('pods started without their gang'),
    });
    expect(byName.TestAcceleratorClusterAutoscaling).toMatchObject({
      status: 'skipped',
      message: '-autoscaler-node-pool-label not set',
    });
    expect(byName.TestAIServiceMetrics.status).toBe('skipped');
  });

  it('accepts a bare <testsuite> root', () => {
    const r = parseJUnitArtifact(
      '<testsuite><testcase name="TestA"/></testsuite>',
    );
    expect(r.tests).toEqual([{ name: 'TestA', status: 'passed' }]);
  });

  it('rejects invalid XML and non-JUnit documents', () => {
    expect(() => parseJUnitArtifact('<testsuites><testsuite>')).toThrow(
      /not valid XML/,
    );
    expect(() => parseJUnitArtifact('<html></html>')).toThrow(
      /no <testsuites>/,
    );
  });
});
