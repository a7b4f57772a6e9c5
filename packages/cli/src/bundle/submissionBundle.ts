import fs from 'node:fs/promises';
import path from 'node:path';
import {
  buildSubmissionBundle,
  isSubmissionProductName,
  SUBMISSION_ARTIFACT_NAMES,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { SubmissionArtifactName } from '@ai-conformance/plugin-ai-conformance-node';
import type {
  ConformanceReport,
  ParsedOfficialChecklist,
  ProductYamlMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from '../lib/CliError';

/** The official suite's artifacts, by the names a submission gives them. */
export const ARTIFACT_NAMES = SUBMISSION_ARTIFACT_NAMES;
export type ArtifactName = SubmissionArtifactName;

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
  /** Requirement ids cited by the report's own active run. */
  citedActive: string[];
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
 * Writes a CNCF submission folder `vX.Y/<product>/` under `out`, as built by
 * the engine's buildSubmissionBundle (the backend's bundle download uses
 * the same builder).
 */
export async function writeSubmissionBundle(
  opts: SubmissionBundleOptions,
): Promise<SubmissionBundle> {
  if (!isSubmissionProductName(opts.product)) {
    throw new CliError(
      `invalid --product "${opts.product}": one folder name of letters, digits, '.', '_' or '-'`,
    );
  }
  const artifacts: Partial<Record<ArtifactName, string>> = {};
  for (const name of ARTIFACT_NAMES) {
    const file = opts.artifacts[name];
    if (file) artifacts[name] = await readArtifact(name, file);
  }
  let built;
  try {
    built = buildSubmissionBundle({ ...opts, artifacts });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const dir = path.join(opts.out, built.root);
  for (const f of built.files) {
    const target = path.join(opts.out, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.content);
  }
  return {
    dir,
    files: built.files.map(f => f.path),
    cited: built.cited,
    citedActive: built.citedActive,
    warnings: built.warnings,
  };
}
