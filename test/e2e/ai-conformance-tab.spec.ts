import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { signInAsGuest } from './support';
import { saveScreenshot } from './ai-conformance-support';

declare global {
  interface Window {
    aiConformanceProgress?: string[];
  }
}

test('run checks on a demo cluster: progress, results, evidence, JSON export', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/gke-ai-prod/ai-conformance');

  const run = page.getByRole('button', { name: 'Run checks', exact: true });
  await expect(run).toBeEnabled();

  // Record every progress text the tab shows while the run goes on.
  await page.evaluate(() => {
    window.aiConformanceProgress = [];
    new MutationObserver(() => {
      const status = document.querySelector('[role="status"]');
      const text = status?.textContent;
      const seen = window.aiConformanceProgress!;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await run.click();

  await expect
    .poll(() => page.evaluate(() => window.aiConformanceProgress!.length))
    .toBeGreaterThan(0);
  await expect(
    page.getByRole('progressbar', { name: 'Check run progress' }),
  ).toHaveCount(0, { timeout: 120_000 });
  const progress = await page.evaluate(() => window.aiConformanceProgress!);
  testInfo.annotations.push({
    type: 'progress',
    description: progress.join(' | '),
  });
  expect(progress.some(t => /Starting|Queued|Checking/.test(t))).toBe(true);
  await expect(
    page.getByRole('alert').filter({ hasText: 'The run failed' }),
  ).toHaveCount(0);

  const banner = page.getByRole('region', { name: 'Verdict' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('just now');
  const verdict = await banner
    .locator('[data-verdict]')
    .getAttribute('data-verdict');
  expect(['conformant', 'not-conformant', 'incomplete']).toContain(verdict);
  // The scorecard level agrees with the verdict: a conformant cluster is at
  // least silver, a failing MUST leaves it without a level.
  const level = await banner.getByLabel(/^Level: /).getAttribute('data-level');
  const levelsFor: Record<string, string[]> = {
    conformant: ['silver', 'gold'],
    incomplete: ['bronze'],
    'not-conformant': ['none'],
  };
  expect(levelsFor[verdict!]).toContain(level);
  await expect(run).toBeEnabled();

  // Requirements grouped by category, each with a status chip.
  const requirements = page.locator('[data-requirement]');
  expect(await requirements.count()).toBeGreaterThan(5);
  await expect(
    page.getByRole('heading', { name: 'Accelerators', level: 2 }),
  ).toBeVisible();

  // Expand a passing requirement to its evidence.
  const passing = requirements
    .filter({ has: page.locator('[data-status="pass"]') })
    .first();
  await passing.getByRole('button').first().click();
  const evidence = passing.getByRole('list', { name: 'Evidence' });
  await expect(evidence).toBeVisible();
  expect(await evidence.getByRole('listitem').count()).toBeGreaterThan(0);

  await saveScreenshot(page, 'ai-conformance-tab');

  // Download the JSON export and compare it with the page.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Report as JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^ai-conformance-gke-ai-prod-v1\.\d+\.json$/,
  );
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const report = JSON.parse(readFileSync(file, 'utf8'));
  expect(report.schemaVersion).toBe(1);
  expect(report.verdict).toBe(verdict);
  expect(report.requirements).toHaveLength(await requirements.count());
});

test('the overview card shows the verdict and links to the tab', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/gke-ai-prod');
  const link = page.getByRole('link', { name: /View AI Conformance/ });
  await expect(link).toBeVisible();
  const card = page.locator('.MuiCard-root').filter({ has: link });
  await expect(card).toContainText(/MUST|Never checked/);
  await saveScreenshot(card, 'ai-conformance-card');
  await link.click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/resource\/gke-ai-prod\/ai-conformance$/,
  );
});
