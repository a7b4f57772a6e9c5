import {
  POSTGRES_TEST_DATABASE_IDS,
  configuredPostgresId,
  connectionStringVariable,
} from './testDatabases';
import { startLocalPostgres, type LocalPostgres } from './startLocalPostgres';

declare global {
  // eslint-disable-next-line no-var
  var aiConformanceLocalPostgres: LocalPostgres | undefined;
}

/**
 * Starts one local PostgreSQL for this package's tests and hands it to
 * `TestDatabases` through its connection-string variable, unless one is
 * set already. Without PostgreSQL installed it only warns: the tests on
 * PostgreSQL then fail with the reason.
 */
export default async function jestGlobalSetup(): Promise<void> {
  if (configuredPostgresId()) return;
  let pg: LocalPostgres;
  try {
    pg = await startLocalPostgres();
  } catch (error) {
    // eslint-disable-next-line no-console
    console.warn(`No local PostgreSQL for the tests: ${String(error)}`);
    return;
  }
  globalThis.aiConformanceLocalPostgres = pg;
  const id =
    POSTGRES_TEST_DATABASE_IDS.find(
      candidate => candidate === `POSTGRES_${pg.majorVersion}`,
    ) ?? POSTGRES_TEST_DATABASE_IDS[0];
  process.env[connectionStringVariable(id)] = pg.connectionString;
}
