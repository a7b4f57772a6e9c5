import type {
  RequirementStatus,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  gray: [90, 39],
} as const;

export type StyleName = keyof typeof CODES;

/** Applies ANSI styles when enabled; identity otherwise. */
export type Styler = (name: StyleName, text: string) => string;

export function createStyler(enabled: boolean): Styler {
  return (name, text) =>
    enabled
      ? `\u001b[${CODES[name][0]}m${text}\u001b[${CODES[name][1]}m`
      : text;
}

/**
 * Colour is used only on a terminal, and never when NO_COLOR is set to a
 * non-empty value (https://no-color.org).
 */
export function colorEnabled(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

const STATUS_STYLE: Record<RequirementStatus, StyleName> = {
  pass: 'green',
  fail: 'red',
  partial: 'yellow',
  'not-applicable': 'gray',
  unknown: 'yellow',
};

export function styleStatus(style: Styler, status: RequirementStatus): string {
  return style(STATUS_STYLE[status], status);
}

const VERDICT_STYLE: Record<Verdict, StyleName> = {
  conformant: 'green',
  'not-conformant': 'red',
  incomplete: 'yellow',
};

export function styleVerdict(style: Styler, verdict: Verdict): string {
  return style('bold', style(VERDICT_STYLE[verdict], verdict));
}

/** Visible width of a string that may contain ANSI escapes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+m/g, '').length;
}
