import { CliError } from '../lib/CliError';

export const OUTPUT_FORMATS = [
  'table',
  'json',
  'junit',
  'ctrf',
  'markdown',
  'product-yaml',
] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseOutputFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) {
    return value as OutputFormat;
  }
  throw new CliError(
    `invalid --output "${value}": use one of ${OUTPUT_FORMATS.join(', ')}`,
  );
}
