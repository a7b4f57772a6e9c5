/** The generated files (absolute path → contents) for the given spec text. */
export function renderOpenApiFiles(
  yamlText: string,
): Promise<Record<string, string>>;

/** The text of src/schema/openapi.yaml. */
export function readSpecYaml(): string;
