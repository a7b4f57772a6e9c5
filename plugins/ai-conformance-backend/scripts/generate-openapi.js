#!/usr/bin/env node
/*
 * Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml, so the
 * router can import the spec without reading files at run time.
 * Usage: node scripts/generate-openapi.js
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const dir = path.resolve(__dirname, '../src/schema');
const spec = parse(fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8'));
const out = `// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.\n\n/** The OpenAPI 3.1 spec of the AI Conformance backend. */\nexport const spec = ${JSON.stringify(
  spec,
  null,
  2,
)} as const;\n`;
const target = path.join(dir, 'openapi.generated.ts');
fs.writeFileSync(target, out);
