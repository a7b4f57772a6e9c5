import type { ContextResult } from './contextResult';
import type { OutputFormat } from '../format/outputFormat';
import { formatTable } from '../format/tableFormatter';
import { formatJson } from '../format/jsonFormatter';
import { formatJUnit } from '../format/junitFormatter';
import { formatCtrf } from '../format/ctrfFormatter';
import { formatMarkdown } from '../format/markdownFormatter';
import {
  buildProductYaml,
  type DraftFile,
  type ProductYamlMetadata as ProductMetadata,
} from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from './CliError';
import { cliVersion } from './cliVersion';
import { CliIo } from './cliIo';
import { loadOfficialChecklist } from './officialChecklistLoader';
import { colorEnabled, createStyler } from './style';

export interface RenderOptions {
  format: OutputFormat;
  /** True with --all-contexts: JSON is then always an array. */
  multiple: boolean;
  /** Output file; colour and width apply only to a terminal stdout. */
  out?: string;
  start: number;
  stop: number;
  productYaml?: {
    metadata: ProductMetadata;
    checklist?: string;
    offline: boolean;
  };
  /** Notes for stderr (product-yaml warnings). */
  note: (line: string) => void;
}

/** What a command writes: the output, and files to put beside `--out`. */
export interface Rendered {
  text: string;
  files: DraftFile[];
}

/** Renders results in the chosen format. */
export async function renderResults(
  results: ContextResult[],
  io: CliIo,
  opts: RenderOptions,
): Promise<Rendered> {
  if (opts.format === 'product-yaml') {
    return renderProductYaml(results, opts);
  }
  return { text: renderText(results, io, opts), files: [] };
}

async function renderProductYaml(
  results: ContextResult[],
  opts: RenderOptions,
): Promise<Rendered> {
  const report = results[0]?.report;
  if (!report || results.length !== 1) {
    throw new CliError(
      '--output product-yaml needs exactly one checked cluster',
    );
  }
  const py = opts.productYaml ?? { metadata: {}, offline: true };
  const loaded = await loadOfficialChecklist(
    py.checklist,
    report.requirementsVersion,
    {
      offline: py.offline,
    },
  );
  if (loaded.warning) opts.note(loaded.warning);
  const draft = buildProductYaml(report, {
    metadata: py.metadata,
    official: loaded.checklist,
    generator: `ai-conformance ${cliVersion()}`,
    evidenceFiles: Boolean(opts.out),
  });
  for (const w of draft.warnings) opts.note(w);
  if (!opts.out) {
    opts.note(
      'no evidence files written: use --out FILE to write evidence/<id>.md beside the draft',
    );
  }
  return { text: draft.text, files: draft.files };
}

function renderText(
  results: ContextResult[],
  io: CliIo,
  opts: RenderOptions,
): string {
  switch (opts.format) {
    case 'json':
      return formatJson(results, opts.multiple);
    case 'junit':
      return formatJUnit(results);
    case 'ctrf':
      return formatCtrf(results, { start: opts.start, stop: opts.stop });
    case 'markdown':
      return formatMarkdown(results);
    default: {
      const tty = !opts.out && Boolean(io.stdout.isTTY);
      return formatTable(results, {
        style: createStyler(!opts.out && colorEnabled(io.stdout, io.env)),
        width: tty ? io.stdout.columns : undefined,
      });
    }
  }
}
