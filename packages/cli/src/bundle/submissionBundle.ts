import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import {
  buildProductYaml,
  compareChecklistVersions,
  getChecklist,
} from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceReport,
  ParsedOfficialChecklist,
  ProductYamlMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from '../lib/CliError';
import { findOutcome, readerFor } from '../validate/testResultReader';
import type { TestOutcome } from '../validate/testResultReader';

/** The official suite's artifacts, by the names a submission gives them. */
export const ARTIFACT_NAMES = ['junit.xml', 'results.json', 'e2e.log'] as const;
export type ArtifactName = (typeof ARTIFACT_NAMES)[number];

/** First checklist version whose submissions cite files with file://. */
const FILE_EVIDENCE_SINCE = '1.37';

/** A product folder name: one path segment, no traversal. */
const PRODUCT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

export interface SubmissionBundleOptions {
  report: ConformanceReport;
  metadata: ProductYamlMetadata;
  official?: ParsedOfficialChecklist;
  generator: string;
  /** Folder name under vX.Y/. */
  product: string;
  /** Repository root to write vX.Y/<product>/ into. */
  out: string;
  /** Official-suite artifacts to copy, by submission name. */
  artifacts: Partial<Record<ArtifactName, string>>;
}

export interface SubmissionBundle {
  /** The written product folder. */
  dir: string;
  /** Files written, relative to `out`. */
  files: string[];
  /** Requirement ids cited by official tests. */
  cited: string[];
  warnings: string[];
}

async function readArtifact(name: ArtifactName, file: string) {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read ${name} input ${file}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
}

/**
 * Writes a CNCF submission folder `vX.Y/<product>/` under `out`: the
 * PRODUCT.yaml draft of the report, the official suite's artifacts, and
 * evidence that cites `file://vX.Y/<product>/junit.xml#TestName`,
 * `results.json#TestName` and `e2e.log` for every requirement an official
 * test in the artifacts covers, and one evidence Markdown file for each of
 * the others.
 */
export async function writeSubmissionBundle(
  opts: SubmissionBundleOptions,
): Promise<SubmissionBundle> {
  if (!PRODUCT_NAME.test(opts.product)) {
    throw new CliError(
      `invalid --product "${opts.product}": one folder name of letters, digits, '.', '_' or '-'`,
    );
  }
  const version = opts.report.requirementsVersion;
  const fileLinks = compareChecklistVersions(version, FILE_EVIDENCE_SINCE) >= 0;
  const given = ARTIFACT_NAMES.filter(n => opts.artifacts[n]);
  if (given.length > 0 && !fileLinks) {
    throw new CliError(
      `official-suite artifacts are cited from checklist v${FILE_EVIDENCE_SINCE}; this report is v${version}`,
    );
  }
  const contents = new Map<ArtifactName, string>();
  const outcomes = new Map<string, TestOutcome>();
  for (const name of given) {
    const text = await readArtifact(name, opts.artifacts[name]!);
    contents.set(name, text);
    for (const [test, outcome] of readerFor(name)!(text)) {
      if (!outcomes.has(test)) outcomes.set(test, outcome);
    }
  }

  const rel = `v${version}/${opts.product}`;
  const dir = path.join(opts.out, rel);
  const draft = buildProductYaml(opts.report, {
    metadata: opts.metadata,
    official: opts.official,
    generator: opts.generator,
    evidenceFiles: true,
  });
  const doc = parseYaml(draft.text) as {
    spec: Record<string, Array<{ id: string; evidence: string[] }>>;
  };
  const tests = new Map(
    getChecklist(version).requirements.map(r => [r.id, r.officialTests]),
  );
  const cited = new Set<string>();
  const written: string[] = [];
  const citable = given.filter(n => n !== 'e2e.log');
  for (const item of Object.values(doc.spec).flat()) {
    const covering = (tests.get(item.id) ?? []).filter(t =>
      findOutcome(outcomes, t),
    );
    const own = `evidence/${item.id}.md`;
    if (covering.length > 0) {
      cited.add(item.id);
      const links = covering.flatMap(t =>
        citable.map(n => `file://${rel}/${n}#${t}`),
      );
      if (contents.has('e2e.log')) links.push(`file://${rel}/e2e.log`);
      item.evidence = [...links, ...item.evidence.filter(e => e !== own)];
    } else if (fileLinks) {
      item.evidence = item.evidence.map(e =>
        e === own ? `file://${rel}/${own}` : e,
      );
    }
  }
  const header: string[] = [];
  for (const line of draft.text.split('\n')) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  await fs.mkdir(dir, { recursive: true });
  const write = async (name: string, content: string) => {
    const target = path.join(dir, name);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
    written.push(`${rel}/${name}`);
  };
  await write(
    'PRODUCT.yaml',
    `${header.map(l => `${l}\n`).join('')}${stringify(doc, { lineWidth: 0 })}`,
  );
  for (const [name, text] of contents) await write(name, text);
  for (const f of draft.files) {
    const id = path.basename(f.path, '.md');
    if (!cited.has(id)) await write(f.path, f.content);
  }
  return {
    dir,
    files: written,
    cited: [...cited],
    warnings: draft.warnings,
  };
}
