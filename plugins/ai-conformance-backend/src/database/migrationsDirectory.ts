import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The knex migrations of this plugin (kept at the package root). */
export const migrationsDirectory = resolvePackagePath(
  '@ai-conformance/plugin-ai-conformance-backend',
  'migrations',
);
