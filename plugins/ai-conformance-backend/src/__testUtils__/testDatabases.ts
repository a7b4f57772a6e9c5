import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Knex } from 'knex';

/** The PostgreSQL versions `TestDatabases` knows, newest first. */
export const POSTGRES_TEST_DATABASE_IDS = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
  'POSTGRES_12',
  'POSTGRES_11',
  'POSTGRES_9',
] as const satisfies readonly TestDatabaseId[];

/** The variable through which `TestDatabases` reaches an existing server. */
export function connectionStringVariable(id: TestDatabaseId): string {
  return `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;
}

/** The PostgreSQL id whose connection string is set, if any. */
export function configuredPostgresId(): TestDatabaseId | undefined {
  return POSTGRES_TEST_DATABASE_IDS.find(
    id => !!process.env[connectionStringVariable(id)],
  );
}

/**
 * `TestDatabases` on SQLite and PostgreSQL. PostgreSQL comes from a
 * `BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING` variable, which
 * the package's jest global setup fills with a local server it starts
 * (never Docker). Tests on PostgreSQL fail, never skip, without one.
 */
export function createTestDatabases(): {
  ids: TestDatabaseId[];
  init(id: TestDatabaseId): Promise<Knex>;
} {
  const postgres = configuredPostgresId();
  const ids: TestDatabaseId[] = ['SQLITE_3', postgres ?? 'POSTGRES_16'];
  const databases = TestDatabases.create({ ids, disableDocker: true });
  return {
    ids,
    async init(id) {
      if (id !== 'SQLITE_3' && !postgres) {
        throw new Error(
          'No PostgreSQL for tests: install PostgreSQL (`initdb` and `postgres` in PATH; the jest global setup starts one) or set BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING',
        );
      }
      return databases.init(id);
    },
  };
}
