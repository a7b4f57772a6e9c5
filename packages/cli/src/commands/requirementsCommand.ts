import {
  CHECKLIST_VERSIONS,
  getChecklist,
} from '@ai-conformance/plugin-ai-conformance-common';
import { CliError, ExitCode } from '../lib/CliError';
import { CliIo } from '../lib/cliIo';
import { writeOutput } from '../lib/outputTarget';
import { colorEnabled, createStyler } from '../lib/style';

export interface RequirementsOptions {
  version?: string;
  output: string;
  out?: string;
}

/** Lists the requirements of a checklist version. */
export async function runRequirements(
  opts: RequirementsOptions,
  io: CliIo,
): Promise<ExitCode> {
  const version =
    opts.version ?? CHECKLIST_VERSIONS[CHECKLIST_VERSIONS.length - 1];
  let checklist;
  try {
    checklist = getChecklist(version);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const reqs = checklist.requirements;
  let text: string;
  if (opts.output === 'json') {
    text = `${JSON.stringify(checklist, null, 2)}\n`;
  } else if (opts.output === 'table') {
    const style = createStyler(!opts.out && colorEnabled(io.stdout, io.env));
    const rows = reqs.map(r => [
      r.id,
      r.category,
      r.level,
      r.conditional ? 'yes' : 'no',
      r.title,
    ]);
    const header = ['ID', 'CATEGORY', 'LEVEL', 'CONDITIONAL', 'TITLE'];
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(row => row[i].length)),
    );
    const line = (row: string[]) =>
      row
        .map((c, i) => (i < row.length - 1 ? c.padEnd(widths[i]) : c))
        .join('  ');
    const must = reqs.filter(r => r.level === 'MUST').length;
    text = [
      style('bold', `AI Conformance checklist v${checklist.version}`),
      '',
      style('bold', line(header)),
      ...rows.map(line),
      '',
      `${reqs.length} requirements: ${must} MUST, ${reqs.length - must} SHOULD`,
      '',
    ].join('\n');
  } else {
    throw new CliError(
      `invalid --output "${opts.output}" for requirements: use table or json`,
    );
  }
  await writeOutput(io, text, opts.out);
  return 0;
}
