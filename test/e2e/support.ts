import { expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const stateDir = path.resolve(__dirname, '../../.test-results');

/** Config files the running stack was started with (for extra backends). */
export function stackConfigs(): string[] {
  return JSON.parse(readFileSync(path.join(stateDir, 'e2e-stack.json'), 'utf8'))
    .configs;
}

/** Signs in with the guest provider and waits for the sidebar. */
export async function signInAsGuest(page: Page, baseURL?: string) {
  await page.goto(baseURL ? `${baseURL}/` : '/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}
