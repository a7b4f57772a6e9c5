/** Stops the PostgreSQL started by `jestGlobalSetup`, if any. */
export default async function jestGlobalTeardown(): Promise<void> {
  await globalThis.aiConformanceLocalPostgres?.stop();
  globalThis.aiConformanceLocalPostgres = undefined;
}
