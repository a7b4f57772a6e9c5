import { badRequest } from './StatusError';

type Requirement =
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

/** A parsed label selector; matches a label map. */
export type LabelMatcher = (
  labels: Record<string, string> | undefined,
) => boolean;

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkKey(key: string, whole: string) {
  if (!KEY.test(key) || key.length > 316) {
    throw badRequest(
      `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.' (in "${whole}")`,
    );
  }
}

function checkValue(value: string, whole: string) {
  if (!VALUE.test(value) || value.length > 63) {
    throw badRequest(
      `unable to parse requirement: values[0][${whole}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.'`,
    );
  }
}

function parseRequirement(text: string): Requirement {
  let m = /^!\s*(\S+)$/.exec(text);
  if (m) {
    checkKey(m[1], text);
    return { key: m[1], op: '!' };
  }
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (m) {
    checkKey(m[1], text);
    const values = m[3].split(',').map(v => v.trim());
    values.forEach(v => checkValue(v, text));
    return { key: m[1], op: m[2] as 'in' | 'notin', values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(text);
  if (m) {
    checkKey(m[1], text);
    const value = m[3].trim();
    if (m[2] === '>' || m[2] === '<') {
      if (!/^-?\d+$/.test(value))
        throw badRequest(
          `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
        );
      return {
        key: m[1],
        op: m[2] === '>' ? 'gt' : 'lt',
        value: Number(value),
      };
    }
    checkValue(value, text);
    return { key: m[1], op: m[2] === '!=' ? '!=' : '=', value };
  }
  if (/^\S+$/.test(text)) {
    checkKey(text, text);
    return { key: text, op: 'exists' };
  }
  throw badRequest(
    `unable to parse requirement: found '${text}', expected: in, notin, =, ==, !=, gt, lt`,
  );
}

function matches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.op) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
      return has && value === r.value;
    case '!=':
      return !has || value !== r.value;
    case 'in':
      return has && r.values.includes(value);
    case 'notin':
      return !has || !r.values.includes(value);
    case 'gt':
      return has && /^-?\d+$/.test(value) && Number(value) > r.value;
    case 'lt':
      return has && /^-?\d+$/.test(value) && Number(value) < r.value;
    default:
      return false;
  }
}

/** Parses a `labelSelector` query value (`=`, `==`, `!=`, `in`, `notin`, exists, `!`, `>`, `<`). */
export function parseLabelSelector(text: string | undefined): LabelMatcher {
  if (!text || !text.trim()) return () => true;
  const requirements = splitTopLevel(text).map(parseRequirement);
  return labels => requirements.every(r => matches(r, labels ?? {}));
}
