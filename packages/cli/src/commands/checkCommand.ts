import { listKubeconfigContexts } from '@ai-conformance/plugin-ai-conformance-node';
import { CliError, ExitCode } from '../lib/CliError';
import { CliIo } from '../lib/cliIo';
import type { ContextResult } from '../lib/contextResult';
import {
  checkContext,
  describeOutcome,
  describeResult,
  timedOutReads,
} from '../lib/clusterRunner';
import { parseDuration } from '../lib/duration';
import { parseMetricsSource } from '../lib/metricsSourceOptions';
import { exitCodeForResults, parseFailOn } from '../lib/failOn';
import { writeOutput } from '../lib/outputTarget';
import { ProgressReporter } from '../lib/ProgressReporter';
import { renderResults } from '../lib/resultRenderer';
import { colorEnabled, createStyler } from '../lib/style';
import { parseOutputFormat } from '../format/outputFormat';
import { loadCertifiedVersionsOption } from '../lib/certifiedVersionsOption';
import { loadSolutions } from '../lib/solutionsOption';
import { parseRequirementsVersion } from '../lib/requirementsVersionOption';
import {
  PRODUCT_METADATA_FIELDS,
  type ProductMetadataField,
} from '@ai-conformance/plugin-ai-conformance-common';
import { parseMaxResponseBytes } from '../lib/byteSize';
import {
  loadProductMetadata,
  METADATA_FLAGS,
} from '../lib/productMetadataOptions';
import {
  activeOnlyFlags,
  parseActiveOptions,
  type ActiveFlags,
} from '../lib/activeOptions';
import { runActiveForContext } from '../lib/activeRunner';
import { writeActiveArtifactsTo } from '../lib/activeArtifactsOutput';

/** Per-request timeout ceiling; the overall deadline may lower it. */
export const MAX_REQUEST_TIMEOUT_MS = 10_000;

export interface CheckOptions extends ActiveFlags {
  kubeconfig?: string;
  context?: string;
  allContexts?: boolean;
  requirementsVersion?: string;
  certifiedVersions?: string;
  solutions?: string;
  output: string;
  out?: string;
  failOn: string;
  timeout: string;
  maxResponseBytes?: string;
  dryRunProbes?: boolean;
  quiet?: boolean;
  metadata?: string;
  checklist?: string;
  offline?: boolean;
  prometheusUrl?: string;
  prometheusTokenEnv?: string;
  prometheusMatcher?: string[];
  [flag: string]: unknown;
}

function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Metadata flag values keyed by PRODUCT.yaml field. */
export function metadataFlags(
  opts: Record<string, unknown>,
): Partial<Record<ProductMetadataField, string>> {
  const flags: Partial<Record<ProductMetadataField, string>> = {};
  for (const field of PRODUCT_METADATA_FIELDS) {
    const v = opts[camel(METADATA_FLAGS[field])];
    if (typeof v === 'string') flags[field] = v;
  }
  return flags;
}

export function createProgress(io: CliIo, quiet?: boolean): ProgressReporter {
  return new ProgressReporter({
    stream: io.stderr,
    tty: Boolean(io.stderr.isTTY),
    style: createStyler(colorEnabled(io.stderr, io.env)),
    enabled: !quiet,
  });
}

/** `check`: connect, collect, evaluate and report one or every context. */
export async function runCheck(
  opts: CheckOptions,
  io: CliIo,
): Promise<ExitCode> {
  const start = Date.now();
  const format = parseOutputFormat(opts.output);
  const failOn = parseFailOn(opts.failOn);
  const deadlineMs = parseDuration(opts.timeout);
  const maxResponseBytes = parseMaxResponseBytes(opts.maxResponseBytes);
  const requirementsVersion = parseRequirementsVersion(
    opts.requirementsVersion,
  );
  const certifiedVersions = await loadCertifiedVersionsOption(
    opts.certifiedVersions,
  );
  const solutions = await loadSolutions(opts.solutions);
  if (opts.allContexts && opts.context) {
    throw new CliError('use either --context or --all-contexts, not both');
  }
  if (opts.allContexts && format === 'product-yaml') {
    throw new CliError(
      '--output product-yaml needs one cluster: use --context, not --all-contexts',
    );
  }
  const metadata =
    format === 'product-yaml'
      ? await loadProductMetadata(opts.metadata, metadataFlags(opts))
      : {};
  const metricsSource = parseMetricsSource(opts, io.env);
  const activeOptions = opts.active ? parseActiveOptions(opts) : undefined;
  if (!opts.active && activeOnlyFlags(opts).length > 0) {
    throw new CliError(`${activeOnlyFlags(opts).join(', ')} need --active`);
  }
  if (opts.active && opts.allContexts) {
    throw new CliError(
      '--active runs workloads on one cluster at a time: use --context, not --all-contexts',
    );
  }
  const progress = createProgress(io, opts.quiet);

  let contexts: Array<string | undefined> = [opts.context];
  if (opts.allContexts) {
    try {
      contexts = (await listKubeconfigContexts(opts.kubeconfig)).map(
        c => c.name,
      );
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    if (contexts.length === 0)
      throw new CliError('the kubeconfig has no contexts');
  }

  const results: ContextResult[] = [];
  for (const context of contexts) {
    const collected = await checkContext(
      {
        kubeconfig: opts.kubeconfig,
        context,
        deadlineMs,
        requestTimeoutMs: Math.min(MAX_REQUEST_TIMEOUT_MS, deadlineMs),
        dryRunProbes: Boolean(opts.dryRunProbes),
        progress,
        metrics: metricsSource,
        maxResponseBytes,
      },
      { requirementsVersion, certifiedVersions, solutions },
    );
    if (!collected.snapshot || !collected.report) {
      results.push({ context: collected.context, error: collected.error });
      continue;
    }
    let report = collected.report;
    if (activeOptions) {
      try {
        report = await runActiveForContext(
          { kubeconfig: opts.kubeconfig, context, maxResponseBytes },
          report,
          activeOptions,
          io,
          line => progress.line(line),
        );
      } catch (e) {
        throw new CliError(`active run: ${(e as Error).message}`);
      }
    }
    if (activeOptions && opts.activeArtifacts) {
      const written = await writeActiveArtifactsTo(
        opts.activeArtifacts,
        report,
      );
      io.stderr.write(
        written.length
          ? `ai-conformance: active run written to ${written.join(', ')}\n`
          : 'ai-conformance: no active result to write to --active-artifacts\n',
      );
    }
    const result: ContextResult = {
      context: collected.context,
      report,
      timedOutReads: timedOutReads(collected.snapshot),
      deadlineReached: collected.deadlineReached,
    };
    progress.finish(
      collected.context,
      describeOutcome(result, { deadlineMs, failOn }),
    );
    results.push(result);
  }
  progress.close();

  if (!opts.allContexts && results[0]?.error) {
    // a single context that could not be checked: no report to write
    throw new CliError(results[0].error.message);
  }
  const rendered = await renderResults(results, io, {
    format,
    multiple: Boolean(opts.allContexts),
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
  const code = exitCodeForResults(results, failOn);
  if (code !== 0) {
    for (const r of results) {
      io.stderr.write(
        `ai-conformance: ${describeResult(r, { deadlineMs, failOn })}\n`,
      );
    }
  }
  return code;
}
