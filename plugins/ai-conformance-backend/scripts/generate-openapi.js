#!/usr/bin/env node
/*
 * Generates the HTTP contract's code from src/schema/openapi.yaml:
 * - src/schema/openapi.generated.ts: the spec as a const object, so the
 *   router validates requests without reading files at run time;
 * - the common package's src/schema/openapi.generated.ts: the types of every
 *   path, operation and schema (openapi-typescript), for the backend and the
 *   frontend client;
 * - src/schema/endpoints.generated.ts: the EndpointMap that types each
 *   handler's params, query, body and response on the validated router.
 * Usage: node scripts/generate-openapi.js
 * A test (src/schema/openapi.test.ts) fails when any of them is stale.
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const prettier = require('prettier');

const backendRoot = path.resolve(__dirname, '..');
const schemaDir = path.join(backendRoot, 'src/schema');
const commonSchemaDir = path.resolve(
  backendRoot,
  '../ai-conformance-common/src/schema',
);

const HEADER =
  '// Generated from plugins/ai-conformance-backend/src/schema/openapi.yaml by\n' +
  '// plugins/ai-conformance-backend/scripts/generate-openapi.js; do not edit.\n';

const METHODS = { get: 'get', post: 'post', put: 'put', delete: '_delete' };

function format(source) {
  return prettier.format(source, {
    parser: 'typescript',
    ...require('@backstage/cli/config/prettier.json'),
  });
}

function specSource(spec) {
  return `${HEADER}\n/** The OpenAPI 3.1 spec of the AI Conformance backend. */\nexport const spec = ${JSON.stringify(
    spec,
    null,
    2,
  )} as const;\n`;
}

async function typesSource(spec) {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const text = astToString(
    // A schema object without properties is open: Record<string, unknown>.
    await openapiTS(structuredClone(spec), { emptyObjectsUnknown: true }),
  );
  // TSDoc (API reports) knows no @description, @enum or @constant: keep the
  // description as plain doc text and drop the enum tags (the union type
  // already lists the values).
  const tsdoc = text
    .replace(/@description /g, '')
    .replace(/^\s*\* @constant\n/gm, '')
    .replace(/\/\*\* @constant \*\/\n?/g, '')
    .replace(/^\s*\* @enum \{[^}]*\}\n/gm, '')
    .replace(/\/\*\* @enum \{[^}]*\} \*\/\n?/g, '');
  // Every exported declaration is part of the common package's public API.
  const tagged = tsdoc.replace(
    /^export (interface|type) /gm,
    '/** @public */\nexport $1 ',
  );
  return `${HEADER}\n${tagged}`;
}

function bodyType(media, base) {
  return media === 'application/json'
    ? `${base}['content']['application/json']`
    : 'string';
}

function endpointsSource(spec) {
  const entries = [];
  for (const [route, item] of Object.entries(spec.paths)) {
    const shared = item.parameters ?? [];
    for (const [method, key] of Object.entries(METHODS)) {
      const op = item[method];
      if (!op) continue;
      const ref = `AiConformanceHttpOperations['${op.operationId}']`;
      const where = new Set(
        [...shared, ...(op.parameters ?? [])].map(
          p =>
            (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p)
              .in,
        ),
      );
      const fields = [];
      if (where.has('path')) {
        fields.push(`path: NonNullable<${ref}['parameters']['path']>;`);
      }
      if (where.has('query')) {
        fields.push(`query: NonNullable<${ref}['parameters']['query']>;`);
      }
      const json = op.requestBody?.content?.['application/json']?.schema;
      if (json?.$ref || json?.type === 'object') {
        fields.push(
          `body: NonNullable<${ref}['requestBody']>['content']['application/json'];`,
        );
      }
      const responses = [];
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2\d\d$/.test(status)) continue;
        const base = `${ref}['responses'][${status}]`;
        const media = Object.keys(response.content ?? {});
        if (media.length === 0) responses.push('void');
        for (const m of media) responses.push(bodyType(m, base));
      }
      fields.push(`response: ${[...new Set(responses)].join(' | ')};`);
      entries.push(`'#${key}|${route}': {\n${fields.join('\n')}\n};`);
    }
  }
  return `${HEADER}
import type { AiConformanceHttpOperations } from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Params, query, body and success response of every operation, keyed as
 * \`createValidatedOpenApiRouterFromGeneratedEndpointMap\` expects.
 */
export type EndpointMap = {
${entries.join('\n')}
};
`;
}

/** The generated files (absolute path → contents) for the given spec text. */
async function renderOpenApiFiles(yamlText) {
  const spec = parse(yamlText);
  return {
    [path.join(schemaDir, 'openapi.generated.ts')]: format(specSource(spec)),
    [path.join(schemaDir, 'endpoints.generated.ts')]: format(
      endpointsSource(spec),
    ),
    [path.join(commonSchemaDir, 'openapi.generated.ts')]: format(
      await typesSource(spec),
    ),
  };
}

function readSpecYaml() {
  return fs.readFileSync(path.join(schemaDir, 'openapi.yaml'), 'utf8');
}

module.exports = { renderOpenApiFiles, readSpecYaml };

if (require.main === module) {
  renderOpenApiFiles(readSpecYaml()).then(
    files => {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
      }
    },
    error => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
