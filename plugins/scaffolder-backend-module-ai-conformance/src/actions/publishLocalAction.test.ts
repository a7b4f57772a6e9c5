import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { createPublishLocalAction } from './publishLocalAction';
import { createRenderAction } from './renderAction';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-delivery-'));
}

/** A workspace holding the rendered files of the example cluster. */
async function renderedWorkspace(targetPath?: string) {
  const ctx = createMockActionContext({
    input: { ...exampleSpecInput(), targetPath } as any,
  });
  await createRenderAction().handler(ctx);
  return {
    workspacePath: ctx.workspacePath,
    rendered: ctx.outputs.files as string[],
  };
}

/** Renders the example cluster, then delivers it to a new `deliveries` root. */
async function renderAndDeliver(options: { isDryRun?: boolean } = {}) {
  const root = path.join(tempDir(), 'deliveries');
  const { workspacePath, rendered } = await renderedWorkspace();
  const ctx = createMockActionContext({
    input: { name: 'gke-ai-dev' },
    workspacePath,
    isDryRun: options.isDryRun,
  });
  await createPublishLocalAction({ directory: root }).handler(ctx as any);
  return { root, workspacePath, rendered, outputs: ctx.outputs };
}

describe('ai-conformance:publish:local', () => {
  it('copies the rendered files to <directory>/<name> and lists them', async () => {
    const { root, workspacePath, rendered, outputs } = await renderAndDeliver();
    const target = path.join(root, 'gke-ai-dev');
    expect(outputs.path).toBe(target);
    expect(outputs.files).toEqual([...rendered].sort());
    for (const file of rendered) {
      expect(fs.readFileSync(path.join(target, file), 'utf8')).toBe(
        fs.readFileSync(path.join(workspacePath, file), 'utf8'),
      );
    }
    const script = fs.statSync(path.join(target, 'scripts/create-cluster.sh'));
    expect(script.mode & 0o111).not.toBe(0);
  });

  it('delivers one directory of the workspace when sourcePath is given', async () => {
    const root = tempDir();
    const { workspacePath } = await renderedWorkspace('clusters/gke-ai-dev');
    const ctx = createMockActionContext({
      input: { name: 'only-cluster', sourcePath: 'clusters/gke-ai-dev' },
      workspacePath,
    });
    await createPublishLocalAction({ directory: root }).handler(ctx as any);
    const files = ctx.outputs.files as string[];
    expect(files).toContain('terraform/cluster.tf');
    expect(files).toContain('catalog-info.yaml');
    expect(files.some(f => f.startsWith('.github/'))).toBe(false);
  });

  it('writes nothing in a dry run but reports what it would write', async () => {
    const { root, rendered, outputs } = await renderAndDeliver({
      isDryRun: true,
    });
    expect(outputs.files).toEqual([...rendered].sort());
    expect(fs.existsSync(root)).toBe(false);
  });

  it('refuses when no delivery directory is configured', async () => {
    const ctx = createMockActionContext({ input: { name: 'gke-ai-dev' } });
    await expect(
      createPublishLocalAction({}).handler(ctx as any),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'aiConformance.scaffolder.localDelivery.directory',
      ),
    });
  });

  it('refuses to overwrite an earlier delivery', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'gke-ai-dev'));
    fs.writeFileSync(path.join(root, 'gke-ai-dev', 'keep.txt'), 'mine');
    const { workspacePath } = await renderedWorkspace();
    const ctx = createMockActionContext({
      input: { name: 'gke-ai-dev' },
      workspacePath,
    });
    await expect(
      createPublishLocalAction({ directory: root }).handler(ctx as any),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(fs.readdirSync(path.join(root, 'gke-ai-dev'))).toEqual(['keep.txt']);
  });

  it('never writes or reads outside its directories', async () => {
    const root = tempDir();
    const { workspacePath } = await renderedWorkspace();
    const escapeName = createMockActionContext({
      input: { name: '../escape' },
      workspacePath,
    });
    const action = createPublishLocalAction({ directory: root });
    // The handler's own path check holds even without the schema's regex.
    await expect(action.handler(escapeName as any)).rejects.toThrow(/outside/i);
    expect(fs.existsSync(path.join(path.dirname(root), 'escape'))).toBe(false);

    const escapeSource = createMockActionContext({
      input: { name: 'ok', sourcePath: '../..' },
      workspacePath,
    });
    await expect(action.handler(escapeSource as any)).rejects.toThrow(
      /outside/i,
    );
  });

  it('does not follow a symlink out of the workspace', async () => {
    const root = tempDir();
    const secretDir = tempDir();
    fs.writeFileSync(path.join(secretDir, 'secret.txt'), 'secret');
    const { workspacePath } = await renderedWorkspace();
    fs.symlinkSync(secretDir, path.join(workspacePath, 'linked'));
    fs.symlinkSync(
      path.join(secretDir, 'secret.txt'),
      path.join(workspacePath, 'secret.txt'),
    );
    const ctx = createMockActionContext({
      input: { name: 'gke-ai-dev' },
      workspacePath,
    });
    await createPublishLocalAction({ directory: root }).handler(ctx as any);
    const files = ctx.outputs.files as string[];
    expect(files.filter(f => f.includes('secret'))).toEqual([]);
    expect(fs.existsSync(path.join(root, 'gke-ai-dev', 'secret.txt'))).toBe(
      false,
    );
    expect(fs.existsSync(path.join(root, 'gke-ai-dev', 'linked'))).toBe(false);
  });
});
