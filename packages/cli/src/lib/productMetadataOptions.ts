import fs from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  PRODUCT_METADATA_FIELDS,
  type ProductMetadataField,
  type ProductYamlMetadata as ProductMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from './CliError';

/** Command-line flag of each metadata field. */
export const METADATA_FLAGS: Record<ProductMetadataField, string> = {
  platformName: 'platform-name',
  platformVersion: 'platform-version',
  vendorName: 'vendor-name',
  websiteUrl: 'website-url',
  repoUrl: 'repo-url',
  documentationUrl: 'documentation-url',
  productLogoUrl: 'product-logo-url',
  description: 'description',
  contactEmailAddress: 'contact-email',
  k8sConformanceUrl: 'k8s-conformance-url',
};

const fileSchema = z
  .object(
    Object.fromEntries(
      PRODUCT_METADATA_FIELDS.map(f => [
        f,
        z.union([z.string(), z.number()]).optional(),
      ]),
    ) as Record<
      ProductMetadataField,
      z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodNumber]>>
    >,
  )
  .passthrough();

/**
 * Submission metadata from `--metadata FILE` (YAML: the fields at the top
 * level or under `metadata:`, as in a PRODUCT.yaml), overridden by flags.
 */
export async function loadProductMetadata(
  file: string | undefined,
  flags: Partial<Record<ProductMetadataField, string>>,
): Promise<ProductMetadata> {
  const metadata: ProductMetadata = {};
  if (file) {
    let raw: unknown;
    try {
      raw = parseYaml(await fs.readFile(file, 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new CliError(
        `cannot read --metadata ${file}: ${
          err.code ?? err.message.split('\n')[0]
        }`,
      );
    }
    const body =
      raw && typeof raw === 'object' && 'metadata' in raw
        ? (raw as { metadata: unknown }).metadata
        : raw;
    const parsed = fileSchema.safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(
        `invalid --metadata ${file}: ${issue.path.join('.') || '(root)'}: ${
          issue.message
        }`,
      );
    }
    for (const field of PRODUCT_METADATA_FIELDS) {
      const v = parsed.data[field];
      if (v !== undefined) metadata[field] = String(v);
    }
  }
  for (const field of PRODUCT_METADATA_FIELDS) {
    const v = flags[field];
    if (v !== undefined) metadata[field] = v;
  }
  return metadata;
}
