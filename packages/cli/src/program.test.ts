import { PassThrough } from 'node:stream';
import { runCli } from './program';

// The engine (and through it the Kubernetes client) must not load for
// commands that do not talk to a cluster: loading it fails these tests.
jest.mock('@ai-conformance/plugin-ai-conformance-node', () => {
  throw new Error('the engine was loaded');
});

function testIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', c => (out += c));
  stderr.on('data', c => (err += c));
  return {
    io: { stdout, stderr, env: {} },
    output: () => ({ out, err }),
  };
}

describe('runCli loads a command only when it runs', () => {
  it('lists the requirements without loading the engine', async () => {
    const { io, output } = testIo();
    const code = await runCli(
      [
        'node',
        'ai-conformance',
        'requirements',
        '--version',
        '1.34',
        '-o',
        'json',
      ],
      io,
    );
    expect(output().err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(output().out).version).toBe('1.34');
  });

  it('reports an unreadable PRODUCT.yaml from validate without loading the engine', async () => {
    const { io, output } = testIo();
    const code = await runCli(
      [
        'node',
        'ai-conformance',
        'validate',
        '/nonexistent/PRODUCT.yaml',
        '--offline',
      ],
      io,
    );
    expect(output().err).toContain('cannot read /nonexistent/PRODUCT.yaml');
    expect(code).not.toBe(0);
  });

  it('still needs the engine for check', async () => {
    const { io, output } = testIo();
    const code = await runCli(
      [
        'node',
        'ai-conformance',
        'check',
        '--kubeconfig',
        '/nonexistent/config',
      ],
      io,
    );
    expect(output().err).toContain('the engine was loaded');
    expect(code).not.toBe(0);
  });
});
