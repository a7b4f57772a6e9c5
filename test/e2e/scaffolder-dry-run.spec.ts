import { test, expect, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signInAsGuest } from './support';
import { button, fillClusterStep, input } from './scaffolder-support';

const templateDir = path.resolve(
  __dirname,
  '../../plugins/scaffolder-backend-module-ai-conformance/templates/gke-ai-conformant-cluster',
);

type TemplateFile = { path: string; content: string };

/** The template directory's files, as the editor would read them from disk. */
function templateFiles(dir = templateDir, prefix = ''): TemplateFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const abs = path.join(dir, entry.name);
    return entry.isDirectory()
      ? templateFiles(abs, rel)
      : [{ path: rel, content: readFileSync(abs, 'utf8') }];
  });
}

/**
 * Headless Chromium cannot show a directory picker. This answers the editor's
 * `showDirectoryPicker()` with a real directory handle from the origin-private
 * file system, filled with the template's files.
 */
async function serveTemplateDirectory(page: Page, files: TemplateFile[]) {
  await page.addInitScript(entries => {
    const picker = window as unknown as {
      showDirectoryPicker: () => Promise<FileSystemDirectoryHandle>;
    };
    picker.showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      await root
        .removeEntry('gke-ai-conformant-cluster', { recursive: true })
        .catch(() => undefined);
      const dir = await root.getDirectoryHandle('gke-ai-conformant-cluster', {
        create: true,
      });
      for (const entry of entries) {
        const parts = entry.path.split('/');
        let parent = dir;
        for (const part of parts.slice(0, -1)) {
          parent = await parent.getDirectoryHandle(part, { create: true });
        }
        const file = await parent.getFileHandle(parts[parts.length - 1], {
          create: true,
        });
        const writable = await file.createWritable();
        await writable.write(entry.content);
        await writable.close();
      }
      return dir;
    };
  }, files);
}

const CLUSTER = 'gke-ai-dry-run';
const GKE_VERSION = '1.34.1-gke.1829001';

/** Files the render step writes for CLUSTER at the repository root. */
const RENDERED = [
  'terraform/versions.tf',
  'terraform/variables.tf',
  'terraform/providers.tf',
  'terraform/cluster.tf',
  'terraform/outputs.tf',
  'scripts/create-cluster.sh',
  `.github/workflows/cluster-${CLUSTER}.yaml`,
  'README.md',
  'catalog-info.yaml',
];

type DryRunResponse = {
  directoryContents: { path: string; base64Content: string }[];
  log: { body: { message: string; stepId?: string; status?: string } }[];
  steps: { id: string; name: string }[];
};

test.use({ viewport: { width: 1600, height: 1000 } });

test('a dry run of the GKE template from the template editor renders the cluster files', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await serveTemplateDirectory(page, templateFiles());
  await signInAsGuest(page);
  await page.goto('/create/edit');
  await page.getByRole('button', { name: /Load Template Directory/ }).click();
  await expect(page).toHaveURL(/\/create\/edit\/template$/);
  await page.getByRole('treeitem', { name: 'template.yaml' }).click();

  await fillClusterStep(page, CLUSTER);
  // Version
  await input(page, 'GKE version').fill(GKE_VERSION);
  await button(page, 'Next').click();
  // GPU pool and extras keep their defaults.
  await expect(page.getByLabel('Accelerator').first()).toBeVisible();
  await button(page, 'Next').click();
  await expect(page.getByLabel('Kueue version')).toBeVisible();
  await button(page, 'Next').click();
  // Delivery: a new repository (publish:github is skipped in a dry run).
  await button(page, /Create the cluster now through the GKE API/).click();
  await page
    .getByRole('option', { name: /New repository \(publish:github\)/ })
    .click();
  await input(page, /^Owner/).fill('example-org');
  const repository = input(page, /^Repository/);
  await repository.fill(CLUSTER);
  // The repository box is a free-text autocomplete that commits on blur.
  await repository.press('Tab');
  await button(page, 'Review').click();

  const dryRun = page.waitForResponse(
    r =>
      r.url().endsWith('/api/scaffolder/v2/dry-run') &&
      r.request().method() === 'POST',
  );
  await button(page, 'Create').click();
  const response = await dryRun;
  expect(response.status()).toBe(200);
  const result = (await response.json()) as DryRunResponse;

  // The backend ran the three ai-conformance steps and skipped delivery.
  const paths = result.directoryContents.map(f => f.path);
  expect(paths).toEqual(expect.arrayContaining(RENDERED));
  const failed = result.log.filter(l => l.body.status === 'failed');
  expect(failed).toEqual([]);
  const stepLogs = (id: string) => result.log.filter(l => l.body.stepId === id);
  const stepLog = (id: string) =>
    stepLogs(id)
      .map(l => l.body.message)
      .join('\n');
  for (const id of ['version', 'validate', 'render']) {
    expect(stepLogs(id).at(-1)?.body.status, id).toBe('completed');
  }
  expect(stepLog('version')).toContain(GKE_VERSION);
  expect(stepLog('render')).toMatch(/Wrote \d+ files \(dry run\)/);
  expect(stepLog('publish')).toContain(
    'Skipping because publish:github does not support dry-run',
  );
  expect(stepLog('register')).toContain(
    'Skipping because catalog:register does not support dry-run',
  );
  const catalogInfo = result.directoryContents.find(
    f => f.path === 'catalog-info.yaml',
  )!;
  expect(Buffer.from(catalogInfo.base64Content, 'base64').toString()).toContain(
    `name: ${CLUSTER}`,
  );

  // The editor shows the result: rendered files, then the step log.
  await expect(page.getByText('Dry-run results')).toBeVisible();
  await expect(page.getByText('Result 1')).toBeVisible();
  const results = page
    .getByRole('tree')
    .filter({ has: page.getByRole('treeitem', { name: 'terraform' }) });
  for (const name of ['terraform', 'scripts', '.github', 'README.md']) {
    await expect(
      results.getByRole('treeitem', { name, exact: true }),
    ).toBeVisible();
  }
  await results.getByRole('treeitem', { name: 'catalog-info.yaml' }).click();
  await expect(page.getByText(`name: ${CLUSTER}`).last()).toBeVisible();
  await results
    .getByRole('treeitem', { name: 'terraform', exact: true })
    .click();
  await results.getByRole('treeitem', { name: 'cluster.tf' }).click();
  await expect(
    page.getByText(/resource "google_container_cluster"/).last(),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Log' }).click();
  await page
    .getByText('Render Terraform, gcloud script, workflow and entity')
    .click();
  await expect(page.getByText(/Wrote \d+ files \(dry run\)/)).toBeVisible();
});
