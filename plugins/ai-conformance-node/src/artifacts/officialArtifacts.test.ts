import { parseOfficialArtifact } from './officialArtifacts';
import { submissionCitesArtifacts } from '../bundle/buildSubmissionBundle';

const E2E = '=== RUN   TestX\n--- PASS: TestX (1.00s)\nPASS\n';
const GO_JSON = `${JSON.stringify({
  Action: 'pass',
  Test: 'TestX',
  Elapsed: 1,
})}\n`;
const JUNIT =
  '<testsuites><testsuite name="s" tests="1"><testcase name="TestX" classname="s"/></testsuite></testsuites>';

describe('parseOfficialArtifact', () => {
  it('reads each kind with its reader, located at its submission file name unless told', () => {
    expect(parseOfficialArtifact('e2e-log', E2E)).toMatchObject({
      source: 'e2e-log',
      location: 'e2e.log',
    });
    expect(parseOfficialArtifact('go-test-json', GO_JSON)).toMatchObject({
      source: 'go-test-json',
      location: 'results.json',
    });
    expect(parseOfficialArtifact('junit', JUNIT, 'up/junit.xml')).toMatchObject(
      { source: 'junit', location: 'up/junit.xml' },
    );
  });

  it('cites artifacts in submissions from checklist v1.37', () => {
    expect(submissionCitesArtifacts('1.36')).toBe(false);
    expect(submissionCitesArtifacts('1.37')).toBe(true);
  });
});
