import Ajv2020 from 'ajv/dist/2020';
import { spec } from '../schema/openapi.generated';

const ajv = new Ajv2020({
  strict: false,
  validateFormats: false,
  allErrors: true,
});
ajv.addSchema(
  JSON.parse(
    JSON.stringify({ $id: 'spec', components: spec.components }).replace(
      /"#\/components\//g,
      '"spec#/components/',
    ),
  ),
);

type SpecResponse = {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
};

/**
 * Asserts that a supertest response matches the OpenAPI spec: the status is
 * documented for the operation and the JSON body matches its schema.
 */
export function expectMatchesSpec(
  method: 'get' | 'post',
  pathTemplate: string,
  res: { status: number; body: unknown; headers: Record<string, string> },
): void {
  const paths = spec.paths as Record<string, Record<string, any>>;
  const operation = paths[pathTemplate]?.[method];
  if (!operation) {
    throw new Error(
      `${method.toUpperCase()} ${pathTemplate} is not in the spec`,
    );
  }
  let response = operation.responses[String(res.status)] as
    | SpecResponse
    | undefined;
  if (!response) {
    throw new Error(
      `${method.toUpperCase()} ${pathTemplate} answered ${
        res.status
      }, which the spec does not document`,
    );
  }
  if (response.$ref) {
    const name = response.$ref.split('/').pop()!;
    response = (spec.components.responses as Record<string, SpecResponse>)[
      name
    ];
  }
  const contentType = (res.headers['content-type'] ?? '').split(';')[0];
  if (contentType !== 'application/json') return;
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) {
    throw new Error(
      `No JSON schema for ${method.toUpperCase()} ${pathTemplate} ${
        res.status
      }`,
    );
  }
  const validate = ajv.compile(
    JSON.parse(
      JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'),
    ),
  );
  if (!validate(res.body)) {
    throw new Error(
      `${method.toUpperCase()} ${pathTemplate} ${
        res.status
      } does not match the spec: ${ajv.errorsText(
        validate.errors,
      )}\n${JSON.stringify(res.body).slice(0, 500)}`,
    );
  }
}
