export { buildProductYaml, PRODUCT_METADATA_FIELDS } from './buildProductYaml';
export type {
  DraftFile,
  ProductMetadataField,
  ProductYamlDraft,
  ProductYamlOptions,
} from './buildProductYaml';
export { buildProductYamlDraft } from './buildProductYamlDraft';
export { evidenceFilePath, evidenceMarkdown } from './evidenceMarkdown';
export type { ProductYamlMetadata } from './productYamlMetadata';
