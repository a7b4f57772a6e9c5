import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium. `test/e2e/globalSetup.ts` starts the
 * demo stack (kube-sim clusters + backend serving the built app on :7007, or
 * on E2E_PORT) unless E2E_BASE_URL points at one already running.
 */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: true,
  retries: 0,
  workers: 1,
  globalSetup: './test/e2e/globalSetup.ts',
  reporter: [['list'], ['json', { outputFile: '.test-results/e2e.json' }]],
  outputDir: '.test-results/e2e-artifacts',
  use: {
    baseURL:
      process.env.E2E_BASE_URL ??
      `http://localhost:${process.env.E2E_PORT ?? 7007}`,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
