import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import type { Server } from 'node:http';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { expectMatchesSpec } from './__testUtils__/expectMatchesSpec';

jest.setTimeout(60_000);

/** A string matches only itself; a RegExp as given. */
const exactly = (m: string | RegExp) =>
  typeof m === 'string'
    ? new RegExp(`^${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    : m;

const ROUTE = '/api/ai-conformance/clusters/default/gke-a/reports';

describe('malformed uploads answer 400 saying what is wrong', () => {
  let server: Server;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities: [clusterEntity('gke-a')] }),
        mockServices.rootConfig.factory({
          data: {
            aiConformance: {
              schedule: { enabled: false },
              uploads: { maxBytes: 1_000_000 },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop?.());

  const upload = async (body: string, contentType: string) => {
    const res = await request(server)
      .post(ROUTE)
      .set('Authorization', mockCredentials.user.header())
      .set('Content-Type', contentType)
      .send(body);
    expectMatchesSpec('post', '/clusters/{namespace}/{name}/reports', res);
    return res;
  };

  it.each([
    [
      'a DOCTYPE with nested entities',
      `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<testsuites><testsuite><testcase name="&lol2;"/></testsuite></testsuites>`,
      'junit.xml declares a DOCTYPE (line 2): JUnit reports have none, and DTDs and entity declarations are not accepted',
    ],
    [
      'an external entity',
      `<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><testsuites><testsuite><testcase name="&a;"/></testsuite></testsuites>`,
      'junit.xml declares a DOCTYPE (line 1): JUnit reports have none, and DTDs and entity declarations are not accepted',
    ],
    [
      'elements nested 5,000 deep',
      `<testsuites><testsuite>${'<x>'.repeat(5000)}${'</x>'.repeat(
        5000,
      )}</testsuite></testsuites>`,
      'junit.xml could not be read: elements are nested deeper than 100 levels',
    ],
    [
      'text that is not XML',
      'not xml <testsuite> at all',
      /^junit\.xml is not valid XML: .+ \(line 1\)$/,
    ],
  ])('JUnit with %s', async (_what, body, message) => {
    const res = await upload(body, 'application/xml');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(exactly(message));
  });

  it.each([
    [
      'a test name that is a number',
      [
        { Action: 'run', Test: 'TestA' },
        { Action: 'pass', Test: 7 },
      ],
      'results.json line 2: "Test" must be a string, got number',
    ],
    [
      'an elapsed time that is text',
      [{ Action: 'pass', Test: 'TestA', Elapsed: 'soon' }],
      'results.json line 1: "Elapsed" must be a number, got string',
    ],
    [
      'output that is an object',
      [
        { Action: 'output', Test: 'TestA', Output: { line: 1 } },
        { Action: 'fail', Test: 'TestA' },
      ],
      'results.json line 1: "Output" must be a string, got object',
    ],
  ])('go test -json with %s', async (_what, events, message) => {
    const res = await upload(
      events.map(e => JSON.stringify(e)).join('\n'),
      'application/json',
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError', message });
  });

  it.each([
    [
      'a result line without its colon',
      '=== RUN   TestGangScheduling\n--- PASS TestGangScheduling (1.00s)\n',
      'e2e.log line 2: a result line must read "--- PASS|FAIL|SKIP: TestName (1.23s)", got "--- PASS TestGangScheduling (1.00s)"',
    ],
    [
      'a NUL byte',
      '=== RUN   TestGangScheduling\n    a\u0000b\n--- PASS: TestGangScheduling (1.00s)\n',
      'e2e.log line 2: control character U+0000 (the log is go test output, plain text)',
    ],
    [
      'no result line at all',
      'hello\nworld\n',
      'The text upload is not an e2e.log: it holds no go test result line (--- PASS/FAIL/SKIP: TestName)',
    ],
  ])('e2e.log with %s', async (_what, body, message) => {
    const res = await upload(body, 'text/plain');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError', message });
  });

  it('a well-formed e2e.log is stored as a run whose mapped test is evidence', async () => {
    const res = await upload(
      '=== RUN   TestGangScheduling\n    gang ok\n--- PASS: TestGangScheduling (42.70s)\nPASS\n',
      'text/plain; charset=utf-8',
    );
    expect(res.status).toBe(201);
    const gang = res.body.report.requirements.find(
      (r: any) => r.id === 'gang_scheduling',
    );
    expect(gang).toMatchObject({ status: 'pass', method: 'artifact' });
    expect(JSON.stringify(gang.evidence)).toContain('TestGangScheduling');
  });
});
