import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

const SCHEMA_DIR = path.resolve(__dirname, '../../../../../docs/schema');

/** Path of the report's JSON Schema (docs/schema/report.schema.json). */
export const REPORT_SCHEMA_PATH = path.join(SCHEMA_DIR, 'report.schema.json');

/** Path of the snapshot's JSON Schema (docs/schema/snapshot.schema.json). */
export const SNAPSHOT_SCHEMA_PATH = path.join(
  SCHEMA_DIR,
  'snapshot.schema.json',
);

function schemaErrors(schemaPath: string, value: unknown): string[] {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '(root)'} ${e.message}`,
  );
}

/** Validates a value against the report JSON Schema; returns error texts. */
export function reportSchemaErrors(value: unknown): string[] {
  return schemaErrors(REPORT_SCHEMA_PATH, value);
}

/** Validates a value against the snapshot JSON Schema; returns error texts. */
export function snapshotSchemaErrors(value: unknown): string[] {
  return schemaErrors(SNAPSHOT_SCHEMA_PATH, value);
}
