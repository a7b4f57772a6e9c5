import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createMockActionContext } from '../__testUtils__/createMockActionContext';
import { exampleSpecInput } from '../__testUtils__/exampleSpec';
import { createRenderAction } from './renderAction';

function list(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? list(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    );
}

describe('ai-conformance:gke:render', () => {
  it('writes the cluster files into the workspace and reports them', async () => {
    const ctx = createMockActionContext({
      input: {
        ...exampleSpecInput(),
        targetPath: './clusters/gke-ai-dev/',
      } as any,
    });
    await createRenderAction().handler(ctx);
    const written = list(ctx.workspacePath).sort();
    expect(written).toEqual([...(ctx.outputs.files as string[])].sort());
    expect(written).toContain('clusters/gke-ai-dev/terraform/cluster.tf');
    expect(written).toContain('.github/workflows/cluster-gke-ai-dev.yaml');
    expect(ctx.outputs.directory).toBe('clusters/gke-ai-dev');
    expect(ctx.outputs.catalogInfoPath).toBe(
      '/clusters/gke-ai-dev/catalog-info.yaml',
    );
    const entity = parse(
      fs.readFileSync(
        path.join(ctx.workspacePath, 'clusters/gke-ai-dev/catalog-info.yaml'),
        'utf8',
      ),
    );
    expect(entity.spec.type).toBe('kubernetes-cluster');
    const mode = fs.statSync(
      path.join(
        ctx.workspacePath,
        'clusters/gke-ai-dev/scripts/create-cluster.sh',
      ),
    ).mode;
    expect(mode & 0o111).not.toBe(0);
  });

  it('writes at the root by default and in dry runs', async () => {
    const ctx = createMockActionContext({
      input: exampleSpecInput() as any,
      isDryRun: true,
    });
    await createRenderAction().handler(ctx);
    expect(ctx.outputs.catalogInfoPath).toBe('/catalog-info.yaml');
    expect(
      fs.existsSync(path.join(ctx.workspacePath, 'terraform/versions.tf')),
    ).toBe(true);
  });

  it('renders nothing for an invalid cluster', async () => {
    const ctx = createMockActionContext({
      input: exampleSpecInput({ mode: 'autopilot' }) as any,
    });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(
      /^GKE Autopilot is not supported: .*DRA.*Standard/,
    );
    expect(list(ctx.workspacePath)).toEqual([]);
  });

  it('refuses a target path outside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { ...exampleSpecInput(), targetPath: '../../etc' } as any,
    });
    await expect(createRenderAction().handler(ctx)).rejects.toThrow(
      /outside|not allowed/i,
    );
  });
});
