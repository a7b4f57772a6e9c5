#!/usr/bin/env node
// Fails when yarn.lock resolves any @backstage/* package to more than one
// version: mixed Backstage releases break the backend at run time.
import { readFileSync } from 'node:fs';

const lock = readFileSync(new URL('../yarn.lock', import.meta.url), 'utf8');
const versions = new Map();
for (const block of lock.split('\n\n')) {
  const header = block.split('\n')[0];
  const name = header.match(/^"?(@backstage(?:-community)?\/[^@"]+)@/)?.[1];
  const version = block.match(/\n {2}version: (.+)/)?.[1];
  if (name && version) {
    if (!versions.has(name)) versions.set(name, new Set());
    versions.get(name).add(version);
  }
}
const dupes = [...versions].filter(([, v]) => v.size > 1);
for (const [name, v] of dupes) console.error(`${name}: ${[...v].join(', ')}`);
console.log(
  `${versions.size} @backstage packages, ${dupes.length} with more than one version`,
);
process.exit(dupes.length ? 1 : 0);
