/**
 * A small HCL writer: builds Terraform files from values, escapes strings
 * and lays out attributes the way `terraform fmt` does (aligned `=` within
 * a run of single-line attributes). The scaffolder's Terraform renderer and
 * remediation's Terraform snippets both write with it.
 */

/**
 * A raw HCL expression, written as is: a reference or function call.
 *
 * @public
 */
export class HclExpression {
  constructor(readonly text: string) {}
}

/**
 * A raw expression, e.g. `expr('var.region')`.
 *
 * @public
 */
export function expr(text: string): HclExpression {
  return new HclExpression(text);
}

/**
 * A value HCL can write.
 *
 * @public
 */
export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | readonly HclValue[]
  | { readonly [key: string]: HclValue };

/**
 * A block: `type "label" { ... }`.
 *
 * @public
 */
export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  body: HclBodyItem[];
}

/**
 * An attribute `name = value`, a block, or a blank line.
 *
 * @public
 */
export type HclBodyItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | HclBlock
  | { kind: 'blank' };

/**
 * An attribute `name = value`.
 *
 * @public
 */
export function attr(name: string, value: HclValue): HclBodyItem {
  return { kind: 'attribute', name, value };
}

/**
 * A block; falsy body items are left out.
 *
 * @public
 */
export function block(
  type: string,
  labels: string[],
  body: Array<HclBodyItem | false | undefined>,
): HclBlock {
  return {
    kind: 'block',
    type,
    labels,
    body: body.filter((i): i is HclBodyItem => Boolean(i)),
  };
}

/**
 * A blank line between body items.
 *
 * @public
 */
export const blank: HclBodyItem = { kind: 'blank' };

/**
 * Escapes text for a quoted HCL string, template sequences included.
 *
 * @public
 */
export function hclQuote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : hclQuote(name);
}

function isObject(
  value: HclValue,
): value is { readonly [key: string]: HclValue } {
  return (
    typeof value === 'object' &&
    !(value instanceof HclExpression) &&
    !Array.isArray(value)
  );
}

function formatValue(value: HclValue, indent: string): string {
  if (value instanceof HclExpression) return value.text;
  if (typeof value === 'string') return hclQuote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not an HCL number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return `[${value.map(v => formatInline(v)).join(', ')}]`;
  }
  const entries = Object.entries(value as Record<string, HclValue>);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${formatAttributes(
    entries.map(([k, v]) => ({ name: k, value: v })),
    inner,
  ).join('\n')}\n${indent}}`;
}

/** A value on one line; objects as `{ a = 1, b = 2 }`. */
function formatInline(value: HclValue): string {
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries
      .map(([k, v]) => `${key(k)} = ${formatInline(v)}`)
      .join(', ')} }`;
  }
  if (Array.isArray(value)) return `[${value.map(formatInline).join(', ')}]`;
  return formatValue(value, '');
}

function isMultiline(value: HclValue): boolean {
  return isObject(value) && Object.keys(value).length > 0;
}

/** Attribute lines with `=` aligned across runs of single-line values. */
function formatAttributes(
  attributes: Array<{ name: string; value: HclValue }>,
  indent: string,
): string[] {
  const lines: string[] = [];
  let run: Array<{ name: string; value: HclValue }> = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(a => key(a.name).length));
    for (const a of run) {
      lines.push(
        `${indent}${key(a.name).padEnd(width)} = ${formatValue(
          a.value,
          indent,
        )}`,
      );
    }
    run = [];
  };
  for (const a of attributes) {
    if (isMultiline(a.value)) {
      flush();
      run.push(a);
      flush();
    } else {
      run.push(a);
    }
  }
  flush();
  return lines;
}

function formatBody(items: HclBodyItem[], indent: string): string[] {
  const lines: string[] = [];
  let attributes: Array<{ name: string; value: HclValue }> = [];
  const flushAttributes = () => {
    lines.push(...formatAttributes(attributes, indent));
    attributes = [];
  };
  items.forEach((item, index) => {
    if (item.kind === 'attribute') {
      attributes.push(item);
      return;
    }
    flushAttributes();
    if (item.kind === 'blank') {
      lines.push('');
      return;
    }
    const previous = items[index - 1];
    if (previous && previous.kind === 'attribute') lines.push('');
    lines.push(...formatBlock(item, indent));
    const next = items[index + 1];
    if (next && next.kind === 'attribute') lines.push('');
  });
  flushAttributes();
  return lines;
}

function formatBlock(b: HclBlock, indent: string): string[] {
  const head = [b.type, ...b.labels.map(hclQuote)].join(' ');
  if (b.body.length === 0) return [`${indent}${head} {}`];
  return [
    `${indent}${head} {`,
    ...formatBody(b.body, `${indent}  `),
    `${indent}}`,
  ];
}

/**
 * One block as HCL text, e.g. a snippet to paste into a resource.
 *
 * @public
 */
export function hclBlockText(b: HclBlock): string {
  return formatBlock(b, '').join('\n');
}

/**
 * A Terraform file: top-level blocks separated by blank lines.
 *
 * @public
 */
export function hclFile(blocks: HclBlock[], header?: string): string {
  const parts = blocks.map(b => formatBlock(b, '').join('\n'));
  const comment = header
    ? `${header
        .split('\n')
        .map(l => (l ? `# ${l}` : '#'))
        .join('\n')}\n\n`
    : '';
  return `${comment}${parts.join('\n\n')}\n`;
}
