import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

/** Path of the report's JSON Schema (docs/schema/report.schema.json). */
export const REPORT_SCHEMA_PATH = path.resolve(
  __dirname,
  '../../../../../docs/schema/report.schema.json',
);

/** Validates a value against the report JSON Schema; returns error texts. */
export function reportSchemaErrors(value: unknown): string[] {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  const validate = ajv.compile(
    JSON.parse(fs.readFileSync(REPORT_SCHEMA_PATH, 'utf8')),
  );
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '(root)'} ${e.message}`,
  );
}
