import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  CNCF_STATUSES,
  compareChecklistVersions,
  getChecklist,
  normalizeChecklistVersion,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ChecklistRequirement } from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from '../lib/CliError';
import { findOutcome, readerFor } from './testResultReader';
import type { TestOutcome } from './testResultReader';
import type { UrlChecker } from './urlChecker';

/**
 * Metadata fields of a submission; repoUrl is optional, k8sConformanceUrl is
 * required from checklist v1.35.
 */
const METADATA_FIELDS: Array<{
  field: string;
  required: boolean;
  since?: string;
}> = [
  { field: 'kubernetesVersion', required: true },
  { field: 'platformName', required: true },
  { field: 'platformVersion', required: true },
  { field: 'vendorName', required: true },
  { field: 'websiteUrl', required: true },
  { field: 'repoUrl', required: false },
  { field: 'documentationUrl', required: true },
  { field: 'productLogoUrl', required: true },
  { field: 'description', required: true },
  { field: 'contactEmailAddress', required: true },
  { field: 'k8sConformanceUrl', required: true, since: '1.35' },
];

export const K8S_CONFORMANCE_URL =
  /^https:\/\/github\.com\/cncf\/k8s-conformance\/tree\/(master|main)\/v1\.\d+\/[^/]+\/?$/;

/** First checklist version whose submissions may link official-suite results with file://. */
const FILE_EVIDENCE_SINCE = '1.37';

export interface ValidateOptions {
  /** Skip URL reachability checks. */
  offline: boolean;
  checkUrl: UrlChecker;
}

export interface ValidationResult {
  /** The checklist version the file was checked against. */
  version?: string;
  problems: string[];
}

function snakeCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Context {
  /** Folder of the PRODUCT.yaml: relative evidence paths and file:// targets live here. */
  dir: string;
  /** Folder that holds `vX.Y/`: file:// references are resolved against it. */
  root: string;
  version: string;
  opts: ValidateOptions;
  problems: string[];
  pending: Promise<void>[];
}

function checkUrl(
  ctx: Context,
  url: string,
  describe: (reason: string) => string,
) {
  if (ctx.opts.offline) return;
  ctx.pending.push(
    ctx.opts.checkUrl(url).then(reason => {
      if (reason) ctx.problems.push(describe(reason));
    }),
  );
}

function validateMetadata(
  ctx: Context,
  metadata: unknown,
  version: string | undefined,
) {
  if (!isObject(metadata)) {
    ctx.problems.push("missing 'metadata' section");
    return;
  }
  for (const { field, required: always, since } of METADATA_FIELDS) {
    const required =
      always &&
      (!since || !version || compareChecklistVersions(version, since) >= 0);
    const value = metadata[field] ?? metadata[snakeCase(field)];
    if (value === undefined || value === null) {
      if (required) ctx.problems.push(`missing metadata field: ${field}`);
      continue;
    }
    if (typeof value !== 'string') {
      ctx.problems.push(`metadata field ${field} is not a string`);
      continue;
    }
    const text = value.trim();
    if (!text) {
      if (required) ctx.problems.push(`metadata field ${field} is empty`);
      continue;
    }
    if (text.startsWith('[') && text.endsWith(']')) {
      ctx.problems.push(
        `metadata field ${field} has placeholder value: ${text}`,
      );
      continue;
    }
    if (field === 'k8sConformanceUrl') {
      if (!K8S_CONFORMANCE_URL.test(text)) {
        ctx.problems.push(
          `invalid k8sConformanceUrl: ${text} (expected https://github.com/cncf/k8s-conformance/tree/master/v1.NN/<product>)`,
        );
        continue;
      }
    } else if (field === 'productLogoUrl' && /^https?:/i.test(text)) {
      if (!/\.(svg|eps|ai)$/i.test(text)) {
        ctx.problems.push(
          `productLogoUrl must link to an SVG, EPS or AI file: ${text}`,
        );
      }
    } else if (
      field === 'contactEmailAddress' &&
      !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)
    ) {
      ctx.problems.push(`contactEmailAddress is not an email address: ${text}`);
    }
    if (/^https?:\/\//i.test(text)) {
      checkUrl(
        ctx,
        text,
        reason => `metadata ${field} is not reachable: ${text} (${reason})`,
      );
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function checkResultFile(
  ctx: Context,
  req: ChecklistRequirement,
  file: string,
  shown: string,
  testName: string | undefined,
) {
  const read = readerFor(file);
  if (!read) return;
  let outcomes;
  try {
    outcomes = read(await fs.readFile(file, 'utf8'));
  } catch (e) {
    ctx.problems.push(
      `evidence file for '${req.id}' cannot be read: ${shown} (${
        (e as Error).message
      })`,
    );
    return;
  }
  for (const failed of failedTests(outcomes)) {
    const problem = `test ${failed} failed in ${shown}`;
    if (!ctx.problems.some(p => p.endsWith(problem))) {
      ctx.problems.push(`evidence for '${req.id}': ${problem}`);
    }
  }
  if (!testName) return;
  const outcome = findOutcome(outcomes, testName);
  if (!outcome) {
    ctx.problems.push(
      `evidence for '${req.id}': test ${testName} not found in ${shown}`,
    );
  } else if (outcome === 'skipped') {
    ctx.problems.push(
      `evidence for '${req.id}': test ${testName} was skipped in ${shown}: a cited test must have passed`,
    );
  }
}

async function validateEvidence(
  ctx: Context,
  req: ChecklistRequirement,
  link: string,
) {
  if (/^https?:\/\//i.test(link)) {
    checkUrl(
      ctx,
      link,
      reason =>
        `evidence URL for '${req.id}' is not reachable: ${link} (${reason})`,
    );
    return;
  }
  let file: string;
  let target = link;
  let testName: string | undefined;
  if (link.startsWith('file://')) {
    if (compareChecklistVersions(ctx.version, FILE_EVIDENCE_SINCE) < 0) {
      ctx.problems.push(
        `evidence for '${req.id}' uses file:// (${link}), accepted from v${FILE_EVIDENCE_SINCE} only: give a path relative to PRODUCT.yaml`,
      );
      return;
    }
    const rest = link.slice('file://'.length);
    const hash = rest.indexOf('#');
    target = hash >= 0 ? rest.slice(0, hash) : rest;
    testName = hash >= 0 ? rest.slice(hash + 1) || undefined : undefined;
    file = path.resolve(ctx.root, target);
    const inside = path.relative(ctx.dir, file);
    if (
      !inside ||
      inside === '..' ||
      inside.startsWith(`..${path.sep}`) ||
      path.isAbsolute(inside)
    ) {
      ctx.problems.push(
        `evidence for '${req.id}' points outside the product folder: ${link} (resolves to ${file}, not inside ${ctx.dir})`,
      );
      return;
    }
  } else {
    file = path.resolve(ctx.dir, target);
  }
  if (!(await exists(file))) {
    ctx.problems.push(
      `evidence file for '${req.id}' not found: ${link} (looked at ${file})`,
    );
    return;
  }
  if (compareChecklistVersions(ctx.version, FILE_EVIDENCE_SINCE) >= 0) {
    await checkResultFile(ctx, req, file, target, testName);
  }
}

async function validateSpec(ctx: Context, spec: unknown) {
  if (!isObject(spec)) {
    ctx.problems.push("missing 'spec' section");
    return;
  }
  const checklist = getChecklist(ctx.version).requirements;
  const known = new Set(checklist.map(r => r.id));
  const categories = [...new Set(checklist.map(r => r.category))];
  for (const category of categories) {
    const list = spec[category];
    if (!Array.isArray(list)) {
      ctx.problems.push(`missing spec category: ${category}`);
      continue;
    }
    const items = new Map<string, Record<string, unknown>>();
    for (const item of list) {
      if (isObject(item) && typeof item.id === 'string')
        items.set(item.id, item);
    }
    for (const req of checklist.filter(r => r.category === category)) {
      const item = items.get(req.id);
      if (!item) {
        ctx.problems.push(
          `missing requirement '${req.id}' in category '${category}'`,
        );
        continue;
      }
      await validateItem(ctx, req, item);
    }
    for (const id of items.keys()) {
      if (!known.has(id)) {
        ctx.problems.push(
          `unknown requirement '${id}' in category '${category}': not in checklist v${ctx.version}`,
        );
      }
    }
  }
}

async function validateItem(
  ctx: Context,
  req: ChecklistRequirement,
  item: Record<string, unknown>,
) {
  const status = typeof item.status === 'string' ? item.status.trim() : '';
  const evidence = Array.isArray(item.evidence) ? item.evidence : [];
  const notes = typeof item.notes === 'string' ? item.notes.trim() : '';
  if (item.level !== undefined && item.level !== req.level) {
    ctx.problems.push(
      `level of '${req.id}' is '${String(item.level)}' but checklist v${
        ctx.version
      } publishes '${req.level}'`,
    );
  }
  if (req.level === 'SHOULD' && status === '' && evidence.length === 0) {
    return; // an unanswered SHOULD is allowed
  }
  if (!(CNCF_STATUSES as readonly string[]).includes(status)) {
    ctx.problems.push(
      `invalid status '${status}' for '${
        req.id
      }': must be one of ${CNCF_STATUSES.join(', ')}`,
    );
  }
  if (req.level === 'MUST' && status !== 'Implemented') {
    ctx.problems.push(
      `requirement '${req.id}' is MUST but its status is '${status}': it must be 'Implemented'`,
    );
  }
  if (status === 'N/A' && !notes) {
    ctx.problems.push(`notes required for '${req.id}' when status is N/A`);
  }
  if (
    item.evidence !== undefined &&
    item.evidence !== null &&
    !Array.isArray(item.evidence)
  ) {
    ctx.problems.push(`evidence of '${req.id}' must be a list`);
  }
  for (const link of evidence) {
    if (typeof link !== 'string') {
      ctx.problems.push(`evidence of '${req.id}' must be strings`);
    } else if (link.trim()) {
      await validateEvidence(ctx, req, link.trim());
    }
  }
}

/** Names of the top-level tests that failed (a failing subtest fails its parent). */
function failedTests(outcomes: Map<string, TestOutcome>): string[] {
  const failed = new Set<string>();
  for (const [name, outcome] of outcomes) {
    if (outcome === 'failed') failed.add(name.split('/')[0]);
  }
  return [...failed];
}

/**
 * The repository root of a submission: the folder that holds the `vX.Y/`
 * folder the PRODUCT.yaml sits in (as the CNCF validator, run from the
 * repository root, sees it); the current directory when there is none.
 */
export function submissionRoot(productDir: string): string {
  let current = productDir;
  for (;;) {
    const parent = path.dirname(current);
    if (/^v\d+\.\d+$/.test(path.basename(current))) return parent;
    if (parent === current) return process.cwd();
    current = parent;
  }
}

/**
 * Applies the CNCF submission validator's rules to a PRODUCT.yaml. The
 * checklist of the declared metadata.kubernetesVersion decides which
 * categories and ids must be present. Returns every problem found; throws
 * CliError when the file cannot be read.
 */
export async function validateProductYaml(
  file: string,
  opts: ValidateOptions,
): Promise<ValidationResult> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${file}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return {
      problems: [`not valid YAML: ${(e as Error).message.split('\n')[0]}`],
    };
  }
  if (!isObject(doc)) {
    return {
      problems: ['not a checklist: expected a mapping with metadata and spec'],
    };
  }
  const metadata = isObject(doc.metadata) ? doc.metadata : undefined;
  const declared =
    metadata && typeof metadata.kubernetesVersion === 'string'
      ? metadata.kubernetesVersion
      : undefined;
  const dir = path.dirname(path.resolve(file));
  const ctx: Context = {
    dir,
    root: submissionRoot(dir),
    version: '',
    opts,
    problems: [],
    pending: [],
  };
  const version = declared ? normalizeChecklistVersion(declared) : undefined;
  validateMetadata(ctx, doc.metadata, version);
  let known = false;
  if (version) {
    try {
      getChecklist(version);
      known = true;
    } catch {
      ctx.problems.push(`no checklist for kubernetesVersion ${declared}`);
    }
  } else if (declared !== undefined) {
    ctx.problems.push(
      `kubernetesVersion "${declared}" is not a version like v1.34`,
    );
  }
  const dirVersion = /(?:^|[\\/])v(\d+\.\d+)[\\/]/.exec(
    path.resolve(file),
  )?.[1];
  if (version && dirVersion && dirVersion !== version) {
    ctx.problems.push(
      `kubernetesVersion v${version} does not match the submission folder v${dirVersion}/`,
    );
  }
  if (known && version) {
    ctx.version = version;
    await validateSpec(ctx, doc.spec);
  }
  await Promise.all(ctx.pending);
  return { version: known ? version : undefined, problems: ctx.problems };
}
