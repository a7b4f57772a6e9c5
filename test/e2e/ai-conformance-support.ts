import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stackConfigs, stateDir } from './support';

/** Where the tab, card and fleet screenshots are written. */
export const screenshotDir = path.join(stateDir, 'screenshots');

export async function saveScreenshot(
  target: Page | ReturnType<Page['locator']>,
  name: string,
): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}

/** A guest token from the backend, for direct API calls. */
export async function guestToken(
  request: APIRequestContext,
  baseURL: string,
): Promise<string> {
  const res = await request.get(`${baseURL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.ok()).toBeTruthy();
  return (await res.json()).backstageIdentity.token;
}

/** Names of the catalog's Kubernetes cluster entities. */
export async function catalogClusterRefs(
  request: APIRequestContext,
  baseURL: string,
): Promise<string[]> {
  const token = await guestToken(request, baseURL);
  const res = await request.get(
    `${baseURL}/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster&fields=kind,metadata.name,metadata.namespace&limit=1000`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  return body.items.map(
    (e: { kind: string; metadata: { name: string; namespace?: string } }) =>
      `${e.kind.toLocaleLowerCase('en-US')}:${
        e.metadata.namespace ?? 'default'
      }/${e.metadata.name}`,
  );
}

/**
 * Waits until the catalog serves an entity: a backend that just became ready
 * may still be ingesting its locations.
 */
export async function waitForCatalogEntity(
  request: APIRequestContext,
  baseURL: string,
  token: string,
  entity: { kind: string; namespace: string; name: string },
): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await request.get(
            `${baseURL}/api/catalog/entities/by-name/${entity.kind}/${entity.namespace}/${entity.name}`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).status(),
      {
        message: `catalog entity ${entity.kind}:${entity.namespace}/${entity.name}`,
        timeout: 90_000,
        intervals: [500, 1_000, 2_000],
      },
    )
    .toBe(200);
}

/** Waits until the catalog serves an entity; resolves a guest token. */
export async function guestWhenCatalogHas(
  request: APIRequestContext,
  baseURL: string,
  entity: { kind: string; namespace: string; name: string },
): Promise<string> {
  const token = await guestToken(request, baseURL);
  await waitForCatalogEntity(request, baseURL, token, entity);
  return token;
}

/** The configs of the running stack, or the e2e defaults without one. */
export function baseConfigs(): string[] {
  try {
    return stackConfigs();
  } catch {
    return ['test/e2e/app-config.e2e.yaml'];
  }
}

/** Writes a config that serves app and backend on `port` with extra settings. */
export function writePortConfig(
  name: string,
  port: number,
  extra = '',
): string {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, `${name}.yaml`);
  const url = `http://localhost:${port}`;
  writeFileSync(
    file,
    `app:\n  baseUrl: ${url}\nbackend:\n  baseUrl: ${url}\n  listen:\n    port: ${port}\n  cors:\n    origin: ${url}\n${extra}`,
  );
  return file;
}
