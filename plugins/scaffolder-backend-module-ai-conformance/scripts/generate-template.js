#!/usr/bin/env node
/*
 * Rewrites the generated sections of the GKE cluster template
 * (templates/gke-ai-conformant-cluster/template.yaml): the accelerator
 * pickers from src/gke/gkeAccelerators.ts and the Kueue default from the
 * common package's planned add-ons.
 * Usage: yarn generate:template (in this package).
 * A test (src/gke/generateTemplate.test.ts) fails when the file is stale.
 */
require('@backstage/cli/config/nodeTransform.cjs');
const fs = require('node:fs');
const path = require('node:path');
const { generateTemplate } = require('../src/gke/generateTemplate');

const file = path.resolve(
  __dirname,
  '../templates/gke-ai-conformant-cluster/template.yaml',
);
const before = fs.readFileSync(file, 'utf8');
const after = generateTemplate(before);
if (after === before) {
  console.log(`${path.relative(process.cwd(), file)} is up to date`);
} else {
  fs.writeFileSync(file, after);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
