import fs from 'node:fs/promises';
import { z } from 'zod';
import type { ClusterSnapshot } from '@ai-conformance/plugin-ai-conformance-node';
import { CliError, ExitCode } from '../lib/CliError';
import { CliIo } from '../lib/cliIo';
import { describeResult, evaluateSnapshot } from '../lib/clusterRunner';
import { exitCodeForResults, parseFailOn } from '../lib/failOn';
import { writeOutput } from '../lib/outputTarget';
import { renderResults } from '../lib/resultRenderer';
import { loadProductMetadata } from '../lib/productMetadataOptions';
import { parseOutputFormat } from '../format/outputFormat';
import { loadCertifiedVersionsOption } from '../lib/certifiedVersionsOption';
import { loadSolutions } from '../lib/solutionsOption';
import { parseRequirementsVersion } from '../lib/requirementsVersionOption';
import { metadataFlags } from './checkCommand';

/** The parts of a snapshot file checked before evaluation. */
const snapshotSchema = z
  .object({
    schemaVersion: z.literal(1),
    collectedAt: z.string(),
    cluster: z
      .object({ name: z.string(), server: z.string().optional() })
      .passthrough(),
    version: z.object({ outcome: z.string() }).passthrough(),
    discovery: z
      .object({
        outcome: z.string(),
        groups: z.array(z.unknown()),
        failures: z.array(z.unknown()),
      })
      .passthrough(),
    reads: z.record(
      z.string(),
      z.object({ outcome: z.string() }).passthrough(),
    ),
    probes: z.record(z.string(), z.unknown()),
    stats: z.object({}).passthrough(),
  })
  .passthrough();

/** Reads and checks a snapshot file written by `collect`. */
export async function readSnapshotFile(file: string): Promise<ClusterSnapshot> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(
      `cannot read snapshot ${file}: ${err.code ?? err.message}`,
    );
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${file} is not an ai-conformance snapshot: ${
        issue.path.join('.') || '(root)'
      }: ${issue.message}`,
    );
  }
  return parsed.data as unknown as ClusterSnapshot;
}

export interface EvaluateCommandOptions {
  requirementsVersion?: string;
  certifiedVersions?: string;
  solutions?: string;
  output: string;
  out?: string;
  failOn: string;
  metadata?: string;
  checklist?: string;
  offline?: boolean;
  [flag: string]: unknown;
}

/** `evaluate`: the report of a snapshot file, as `check` would give it. */
export async function runEvaluate(
  file: string,
  opts: EvaluateCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const start = Date.now();
  const format = parseOutputFormat(opts.output);
  const failOn = parseFailOn(opts.failOn);
  const requirementsVersion = parseRequirementsVersion(
    opts.requirementsVersion,
  );
  const certifiedVersions = await loadCertifiedVersionsOption(
    opts.certifiedVersions,
  );
  const solutions = await loadSolutions(opts.solutions);
  const metadata =
    format === 'product-yaml'
      ? await loadProductMetadata(opts.metadata, metadataFlags(opts))
      : {};
  const snapshot = await readSnapshotFile(file);
  const result = evaluateSnapshot(
    snapshot.cluster.name,
    snapshot,
    requirementsVersion,
    { certifiedVersions, solutions },
  );
  const rendered = await renderResults([result], io, {
    format,
    multiple: false,
    out: opts.out,
    start,
    stop: Date.now(),
    productYaml: {
      metadata,
      checklist: opts.checklist,
      offline: Boolean(opts.offline),
    },
    note: line => io.stderr.write(`ai-conformance: ${line}\n`),
  });
  await writeOutput(io, rendered.text, opts.out, rendered.files);
  const code = exitCodeForResults([result], failOn);
  if (code !== 0)
    io.stderr.write(`ai-conformance: ${describeResult(result, { failOn })}\n`);
  return code;
}
