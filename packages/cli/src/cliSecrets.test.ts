/**
 * Runs the ai-conformance command as a child process with inputs that
 * carry secrets (a malformed kubeconfig holding a token and a key, URLs
 * with a user name and password) and checks that stderr and stdout name
 * the file or host but never the secret.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { runCliProcess } from './__testUtils__/runCliProcess';

jest.setTimeout(60_000);

const TOKEN = 'kc-secret-token-3f9a';
const KEY = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lC';
const PASSWORD = 'pa55-w0rd-7c1e';

/** Line 12 is indented one space too little, next to the credentials. */
const MALFORMED_KUBECONFIG = `apiVersion: v1
kind: Config
current-context: c
clusters:
- name: c
  cluster:
    server: https://127.0.0.1:6443
users:
- name: u
  user:
    token: ${TOKEN}
   client-key-data: ${KEY}
contexts:
- name: c
  context: { cluster: c, user: u }
`;

function expectNoSecret(output: string) {
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(KEY.slice(0, 12));
  expect(output).not.toContain(PASSWORD);
  expect(output).not.toMatch(/token:|client-key-data/);
}

describe('ai-conformance (process) never prints secrets', () => {
  let dir: string;
  let kubeconfig: string;
  let server: http.Server;
  let port: number;
  const requests: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-secrets-'));
    kubeconfig = path.join(dir, 'malformed.kubeconfig');
    fs.writeFileSync(kubeconfig, MALFORMED_KUBECONFIG);
    fs.writeFileSync(path.join(dir, 'snapshot.json'), '{"schemaVersion":1}');
    server = http.createServer((req, res) => {
      requests.push(req.headers);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{"status":"succeeded"}');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>(resolve => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['check', ['check', '--quiet']],
    ['check --all-contexts', ['check', '--all-contexts', '--quiet']],
    ['collect', ['collect', '--quiet']],
  ])(
    '%s names a malformed kubeconfig and the line of the error, not its content',
    async (_, args) => {
      const run = await runCliProcess([...args, '--kubeconfig', kubeconfig]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(
        new RegExp(
          `^ai-conformance: Kubeconfig ${kubeconfig.replace(
            /[.*+?^${}()|[\]\\]/g,
            '\\$&',
          )} could not be read: invalid YAML at line 12, column 4: bad indentation of a mapping entry\n$`,
        ),
      );
      expectNoSecret(run.stderr);
      expectNoSecret(run.stdout);
    },
  );

  it('refuses a --backend URL with a password without printing or sending it', async () => {
    const snapshot = path.join(dir, 'snapshot.json');
    const env = { AI_CONFORMANCE_TOKEN: 'upload-token' };
    const [withPassword, badPort] = await Promise.all([
      runCliProcess(
        [
          'upload',
          '--backend',
          `http://admin:${PASSWORD}@127.0.0.1:${port}`,
          '--entity',
          'resource:default/x',
          snapshot,
        ],
        { env },
      ),
      runCliProcess(
        [
          'upload',
          '--backend',
          `http://admin:${PASSWORD}@127.0.0.1:99999`,
          '--entity',
          'resource:default/x',
          snapshot,
        ],
        { env },
      ),
    ]);
    expect(withPassword.code).toBe(3);
    expect(withPassword.stderr).toBe(
      `ai-conformance: --backend http://127.0.0.1:${port}/ must not carry a user name or password: the token comes from an environment variable (--token-env)\n`,
    );
    expect(badPort.code).toBe(3);
    expect(badPort.stderr).toBe(
      'ai-conformance: invalid --backend "http://127.0.0.1:99999": expected a URL such as https://backstage.example.com\n',
    );
    for (const run of [withPassword, badPort]) {
      expectNoSecret(run.stderr);
      expectNoSecret(run.stdout);
    }
    expect(requests).toEqual([]);
  });

  it('prints no password from other URL flags and usage errors', async () => {
    const runs = await Promise.all([
      runCliProcess([
        'check',
        '--kubeconfig',
        kubeconfig,
        '--prometheus-url',
        `http://admin:${PASSWORD}@127.0.0.1:99999`,
      ]),
      runCliProcess([
        'check',
        '--kubeconfig',
        kubeconfig,
        '--prometheus-url',
        `http://admin:${PASSWORD}@127.0.0.1:9090`,
      ]),
      runCliProcess([
        'check',
        '--output',
        `http://admin:${PASSWORD}@127.0.0.1:9090`,
      ]),
    ]);
    expect(runs.map(r => r.code)).toEqual([3, 3, 3]);
    expect(runs[0].stderr).toContain('"http://127.0.0.1:99999"');
    expect(runs[2].stderr).toContain("'http://127.0.0.1:9090'");
    for (const run of runs) {
      expectNoSecret(run.stderr);
      expectNoSecret(run.stdout);
    }
  });
});
