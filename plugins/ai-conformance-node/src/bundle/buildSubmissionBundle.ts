import { InputError } from '@backstage/errors';
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
import {
  OFFICIAL_ARTIFACTS,
  type OfficialArtifactKind,
} from '../artifacts/officialArtifacts';
import { writeActiveArtifacts } from '../artifacts/writeActiveArtifacts';

/**
 * The official suite's artifacts, by the names a submission gives them.
 *
 * @public
 */
export const SUBMISSION_ARTIFACT_NAMES = Object.values(OFFICIAL_ARTIFACTS).map(
  a => a.fileName,
) as readonly SubmissionArtifactName[];

/** @public */
export type SubmissionArtifactName =
  (typeof OFFICIAL_ARTIFACTS)[OfficialArtifactKind]['fileName'];

/** Folder (inside the product folder) of our own active run's artifacts. */
export const ACTIVE_ARTIFACTS_DIR = 'active';

/** First checklist version whose submissions cite files with file://. */
const FILE_EVIDENCE_SINCE = '1.37';

/**
 * True when a submission for this checklist version cites the official
 * suite's artifacts (from v1.37); earlier bundles take none.
 *
 * @public
 */
export function submissionCitesArtifacts(requirementsVersion: string): boolean {
  return (
    compareChecklistVersions(requirementsVersion, FILE_EVIDENCE_SINCE) >= 0
  );
}

const PRODUCT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/**
 * True for a product folder name: one path segment of letters, digits, `.`,
 * `_` or `-` starting with a letter or digit (never `..`, never a `/`).
 *
 * @public
 */
export function isSubmissionProductName(name: string): boolean {
  return PRODUCT_NAME.test(name);
}

/** @public */
export interface SubmissionBundleInput {
  report: ConformanceReport;
  metadata: ProductYamlMetadata;
  official?: ParsedOfficialChecklist;
  generator: string;
  /** Folder name under vX.Y/. */
  product: string;
  /** Official-suite artifacts, by submission name, as text. */
  artifacts: Partial<Record<SubmissionArtifactName, string>>;
}

/** @public */
export interface SubmissionBundleFile {
  /** Relative to the repository root, e.g. `v1.37/gke/PRODUCT.yaml`. */
  path: string;
  content: string;
}

/** @public */
export interface BuiltSubmissionBundle {
  /** `vX.Y/<product>`. */
  root: string;
  files: SubmissionBundleFile[];
  /** Requirement ids cited by official tests. */
  cited: string[];
  /** Requirement ids cited by our own active run's tests. */
  citedActive: string[];
  warnings: string[];
}

/** The kind of each submission artifact name. */
const KIND_OF_NAME = Object.fromEntries(
  Object.entries(OFFICIAL_ARTIFACTS).map(([kind, a]) => [a.fileName, kind]),
) as Record<SubmissionArtifactName, OfficialArtifactKind>;

/**
 * Builds a CNCF submission folder `vX.Y/<product>/` in memory: the
 * PRODUCT.yaml draft of the report, the official suite's artifacts, evidence
 * citing `file://vX.Y/<product>/junit.xml#TestName`, `results.json#TestName`
 * and `e2e.log` for every requirement an official test in the artifacts
 * covers; for a requirement no official test covers whose active check
 * passed or failed, our own active run's artifacts (`active/junit.xml`,
 * `active/results.json`, `active/e2e.log`, test
 * `TestAIConformanceActive/<requirement>`); and one evidence Markdown file
 * for each of the others. InputError for an invalid product name, artifacts
 * given for a report before v1.37, or an artifact that cannot be read.
 *
 * @public
 */
export function buildSubmissionBundle(
  input: SubmissionBundleInput,
): BuiltSubmissionBundle {
  if (!isSubmissionProductName(input.product)) {
    throw new InputError(
      `invalid product name "${input.product}": one folder name of letters, digits, '.', '_' or '-'`,
    );
  }
  const version = input.report.requirementsVersion;
  const fileLinks = submissionCitesArtifacts(version);
  const given = SUBMISSION_ARTIFACT_NAMES.filter(
    n => input.artifacts[n] !== undefined,
  );
  if (given.length > 0 && !fileLinks) {
    throw new InputError(
      `official-suite artifacts are cited from checklist v${FILE_EVIDENCE_SINCE}; this report is v${version}`,
    );
  }
  const found = new Set<string>();
  for (const name of given) {
    const { parse } = OFFICIAL_ARTIFACTS[KIND_OF_NAME[name]];
    for (const t of parse(input.artifacts[name]!, name).tests) {
      found.add(t.name);
    }
  }
  const active = fileLinks ? writeActiveArtifacts(input.report) : undefined;

  const rel = `v${version}/${input.product}`;
  const draft = buildProductYaml(input.report, {
    metadata: input.metadata,
    official: input.official,
    generator: input.generator,
    evidenceFiles: true,
  });
  const doc = parseYaml(draft.text) as {
    spec: Record<string, Array<{ id: string; evidence: string[] }>>;
  };
  const tests = new Map(
    getChecklist(version).requirements.map(r => [r.id, r.officialTests]),
  );
  const cited = new Set<string>();
  const citedActive = new Set<string>();
  const citable = given.filter(n => n !== 'e2e.log');
  for (const item of Object.values(doc.spec).flat()) {
    const covering = (tests.get(item.id) ?? []).filter(t =>
      found.has(t.split('/')[0]),
    );
    const own = `evidence/${item.id}.md`;
    const mine = active?.tests[item.id];
    if (covering.length > 0) {
      cited.add(item.id);
      const links = covering.flatMap(t =>
        citable.map(n => `file://${rel}/${n}#${t}`),
      );
      if (given.includes('e2e.log')) links.push(`file://${rel}/e2e.log`);
      item.evidence = [...links, ...item.evidence.filter(e => e !== own)];
    } else if (mine && mine.outcome !== 'skip') {
      // a skipped (unknown) test is not evidence; a failed one is cited so
      // the validator names it
      citedActive.add(item.id);
      const dir = `${rel}/${ACTIVE_ARTIFACTS_DIR}`;
      item.evidence = [
        `file://${dir}/junit.xml#${mine.name}`,
        `file://${dir}/results.json#${mine.name}`,
        `file://${dir}/e2e.log`,
        ...item.evidence.filter(e => e !== own),
      ];
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
  const files: SubmissionBundleFile[] = [
    {
      path: `${rel}/PRODUCT.yaml`,
      content: `${header.map(l => `${l}\n`).join('')}${stringify(doc, {
        lineWidth: 0,
      })}`,
    },
  ];
  for (const name of given) {
    files.push({ path: `${rel}/${name}`, content: input.artifacts[name]! });
  }
  if (active) {
    for (const name of SUBMISSION_ARTIFACT_NAMES) {
      files.push({
        path: `${rel}/${ACTIVE_ARTIFACTS_DIR}/${name}`,
        content: active[name],
      });
    }
  }
  for (const f of draft.files) {
    const id = f.path.replace(/^.*\//, '').replace(/\.md$/, '');
    if (!cited.has(id) && !citedActive.has(id)) {
      files.push({ path: `${rel}/${f.path}`, content: f.content });
    }
  }
  return {
    root: rel,
    files,
    cited: [...cited],
    citedActive: [...citedActive],
    warnings: draft.warnings,
  };
}
