import fs from 'node:fs/promises';
import path from 'node:path';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { CliIo, writeAll } from '../lib/cliIo';
import { CliError, ExitCode } from '../lib/CliError';
import { cliVersion } from '../lib/cliVersion';
import { loadOfficialChecklist } from '../lib/officialChecklistLoader';
import { loadProductMetadata } from '../lib/productMetadataOptions';
import {
  ARTIFACT_NAMES,
  writeSubmissionBundle,
} from '../bundle/submissionBundle';
import type { ArtifactName } from '../bundle/submissionBundle';

export interface BundleCommandOptions {
  report: string;
  product: string;
  out: string;
  junit?: string;
  results?: string;
  e2eLog?: string;
  officialResults?: string;
  metadata?: string;
  checklist?: string;
  offline?: boolean;
}

/** The report of `check -o json` (one cluster): a ConformanceReport. */
async function readReport(file: string): Promise<ConformanceReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new CliError(
      `cannot read --report ${file}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
  const report = raw as Partial<ConformanceReport> | null;
  if (
    !report ||
    typeof report.requirementsVersion !== 'string' ||
    !Array.isArray(report.requirements)
  ) {
    throw new CliError(
      `--report ${file} is not a report of one cluster (ai-conformance check -o json)`,
    );
  }
  return report as ConformanceReport;
}

/** The artifacts to copy: an official results folder, overridden by flags. */
function artifactInputs(
  opts: BundleCommandOptions,
): Partial<Record<ArtifactName, string>> {
  const inputs: Partial<Record<ArtifactName, string>> = {};
  if (opts.officialResults) {
    for (const name of ARTIFACT_NAMES) {
      inputs[name] = path.join(opts.officialResults, name);
    }
  }
  if (opts.junit) inputs['junit.xml'] = opts.junit;
  if (opts.results) inputs['results.json'] = opts.results;
  if (opts.e2eLog) inputs['e2e.log'] = opts.e2eLog;
  return inputs;
}

/** Writes vX.Y/<product>/ for a CNCF submission; prints the files written. */
export async function runBundle(
  opts: BundleCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const report = await readReport(opts.report);
  const metadata = await loadProductMetadata(opts.metadata, {});
  const loaded = await loadOfficialChecklist(
    opts.checklist,
    report.requirementsVersion,
    { offline: Boolean(opts.offline) },
  );
  const bundle = await writeSubmissionBundle({
    report,
    metadata,
    official: loaded.checklist,
    generator: `ai-conformance ${cliVersion()}`,
    product: opts.product,
    out: opts.out,
    artifacts: artifactInputs(opts),
  });
  const notes = [loaded.warning, ...bundle.warnings].filter(Boolean);
  if (notes.length) {
    await writeAll(
      io.stderr,
      notes.map(n => `ai-conformance: ${n}\n`).join(''),
    );
  }
  await writeAll(
    io.stdout,
    `${bundle.files.map(f => `${path.join(opts.out, f)}\n`).join('')}${
      bundle.cited.length
        ? `official tests cited for: ${bundle.cited.join(', ')}\n`
        : 'no official-suite artifacts given: every requirement cites its evidence file\n'
    }${
      bundle.citedActive.length
        ? `own active tests (active/junit.xml) cited for: ${bundle.citedActive.join(
            ', ',
          )}\n`
        : ''
    }`,
  );
  return 0;
}
