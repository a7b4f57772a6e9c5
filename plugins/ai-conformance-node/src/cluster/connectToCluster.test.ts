import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { connectToCluster, listKubeconfigContexts } from './connectToCluster';
import { loadClientNode } from './loadClientNode';

jest.setTimeout(30_000);

const KUBECONFIG = `
apiVersion: v1
kind: Config
current-context: prod
clusters:
  - name: prod-cluster
    cluster: { server: 'https://prod.example.com:443', certificate-authority-data: 'Y2EtZGF0YQ==' }
  - name: dev-cluster
    cluster: { server: 'https://dev.example.com', insecure-skip-tls-verify: true }
users:
  - name: prod-user
    user: { token: 'prod-secret-token' }
  - name: dev-user
    user: { client-certificate-data: 'Y2VydA==', client-key-data: 'a2V5' }
contexts:
  - name: prod
    context: { cluster: prod-cluster, user: prod-user }
  - name: dev
    context: { cluster: dev-cluster, user: dev-user, namespace: team }
`;

describe('connectToCluster', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    await loadClientNode();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-kubeconfig-'));
    file = path.join(dir, 'config');
    fs.writeFileSync(file, KUBECONFIG);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('uses the current context of a kubeconfig file', async () => {
    const c = await connectToCluster({ type: 'kubeconfig', path: file });
    expect(c.toJSON()).toEqual({
      name: 'prod',
      server: 'https://prod.example.com:443',
      authType: 'token',
      skipTLSVerify: false,
      source: 'kubeconfig',
    });
  });

  it('selects a named context and keeps TLS settings', async () => {
    const c = await connectToCluster({
      type: 'kubeconfig',
      path: file,
      context: 'dev',
      name: 'Dev',
    });
    expect(c).toMatchObject({
      name: 'Dev',
      server: 'https://dev.example.com',
      authType: 'client-certificate',
      skipTLSVerify: true,
    });
  });

  it('never shows credentials when logged or serialised', async () => {
    const c = await connectToCluster({ type: 'kubeconfig', path: file });
    for (const text of [
      JSON.stringify(c),
      inspect(c, { depth: 10 }),
      String(c),
    ]) {
      expect(text).not.toContain('prod-secret-token');
      expect(text).not.toContain('Y2EtZGF0YQ==');
    }
    expect(c.kubeConfig.getCurrentUser()?.token).toBe('prod-secret-token');
  });

  it('names missing files and contexts', async () => {
    await expect(
      connectToCluster({ type: 'kubeconfig', path: path.join(dir, 'nope') }),
    ).rejects.toMatchObject({
      name: 'ConnectionError',
      reason: 'kubeconfig-not-found',
    });
    await expect(
      connectToCluster({ type: 'kubeconfig', path: file, context: 'staging' }),
    ).rejects.toMatchObject({
      reason: 'context-not-found',
      message: expect.stringContaining('available: prod, dev'),
    });
  });

  it('builds explicit connections and accepts PEM or base64 CA data', async () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    const c = await connectToCluster({
      type: 'explicit',
      name: 'x',
      url: 'https://10.0.0.1/',
      caData: pem,
      token: 't0k',
    });
    expect(c.toJSON()).toMatchObject({
      name: 'x',
      server: 'https://10.0.0.1',
      authType: 'token',
      source: 'explicit',
    });
    expect(
      Buffer.from(
        c.kubeConfig.getCurrentCluster()!.caData!,
        'base64',
      ).toString(),
    ).toBe(pem);
  });

  it('rejects malformed explicit specs', async () => {
    await expect(
      connectToCluster({ type: 'explicit', name: 'x', url: 'not a url' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    await expect(
      connectToCluster({ type: 'explicit', name: 'x', url: 'http://10.0.0.1' }),
    ).rejects.toThrow(/https/);
    await expect(
      connectToCluster({
        type: 'explicit',
        name: 'x',
        url: 'https://10.0.0.1',
        clientCertData: 'abc',
      }),
    ).rejects.toThrow(/clientKeyData/);
  });

  it.each([
    [
      'bad indentation',
      "    user: { token: 'prod-secret-token' }\n   key: LS0tLS1CRUdJTi",
      13,
    ],
    [
      'an unknown tag',
      "    user: { token: !<tag:secret-tag> 'prod-secret-token' }",
      12,
    ],
  ])(
    'names a kubeconfig with %s and the line, never its content',
    async (_, line, lineNumber) => {
      const bad = path.join(dir, 'bad-config');
      fs.writeFileSync(
        bad,
        KUBECONFIG.replace("    user: { token: 'prod-secret-token' }", line),
      );
      const error = await connectToCluster({
        type: 'kubeconfig',
        path: bad,
      }).catch(e => e);
      expect(error).toMatchObject({ reason: 'invalid-config' });
      expect(error.message).toMatch(
        new RegExp(
          `^Kubeconfig ${bad} could not be read: invalid YAML at line ${lineNumber}, column \\d+: [a-z]`,
        ),
      );
      expect(error.message).not.toMatch(/secret|token|LS0t|\n/);
    },
  );

  it('refuses in-cluster mode outside a cluster', async () => {
    const saved = process.env.KUBERNETES_SERVICE_HOST;
    delete process.env.KUBERNETES_SERVICE_HOST;
    try {
      await expect(
        connectToCluster({ type: 'inCluster' }),
      ).rejects.toMatchObject({ reason: 'invalid-config' });
    } finally {
      if (saved !== undefined) process.env.KUBERNETES_SERVICE_HOST = saved;
    }
  });
});

describe('listKubeconfigContexts', () => {
  it('lists contexts without credentials', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-kubeconfig-'));
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, KUBECONFIG);
    try {
      const contexts = await listKubeconfigContexts(file);
      expect(contexts).toEqual([
        {
          name: 'prod',
          cluster: 'prod-cluster',
          server: 'https://prod.example.com:443',
          user: 'prod-user',
          namespace: undefined,
          current: true,
        },
        {
          name: 'dev',
          cluster: 'dev-cluster',
          server: 'https://dev.example.com',
          user: 'dev-user',
          namespace: 'team',
          current: false,
        },
      ]);
      expect(JSON.stringify(contexts)).not.toContain('secret');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
