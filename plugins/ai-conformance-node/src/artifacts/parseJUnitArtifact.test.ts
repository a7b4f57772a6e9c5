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

  it('refuses a DOCTYPE with a 400-class InputError naming the line', () => {
    const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<testsuites><testsuite><testcase name="&lol2;"/></testsuite></testsuites>`;
    expect(() => parseJUnitArtifact(billionLaughs)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'junit.xml declares a DOCTYPE (line 2): JUnit reports have none, and DTDs and entity declarations are not accepted',
      }),
    );
    const external = `<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]>
<testsuites><testsuite><testcase name="&a;"/></testsuite></testsuites>`;
    expect(() => parseJUnitArtifact(external)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(/declares a DOCTYPE \(line 1\)/),
      }),
    );
    const misplaced = '<testsuites><!DOCTYPE x></testsuites>';
    expect(() => parseJUnitArtifact(misplaced)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('keeps a DOCTYPE that is only text inside CDATA', () => {
    const r = parseJUnitArtifact(
      '<testsuites><testsuite><testcase name="TestA"><failure><![CDATA[<!DOCTYPE html><p>500</p>]]></failure></testcase></testsuite></testsuites>',
    );
    expect(r.tests).toEqual([
      expect.objectContaining({ name: 'TestA', status: 'failed' }),
    ]);
    expect(r.tests[0].message).toContain('<!DOCTYPE html>');
  });

  it('refuses elements nested deeper than 100 levels with an InputError', () => {
    const deep = `<testsuites>${'<a>'.repeat(20_000)}${'</a>'.repeat(
      20_000,
    )}</testsuites>`;
    expect(() => parseJUnitArtifact(deep)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'junit.xml could not be read: elements are nested deeper than 100 levels',
      }),
    );
  });

  it('refuses text that is not XML with an InputError', () => {
    expect(() => parseJUnitArtifact('hello <testsuite> world')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          /^junit\.xml is not valid XML: .+\(line 1\)$/,
        ),
      }),
    );
  });
});
