import { ENUMS, type EnumName } from './gkeFacts';

type Json = Record<string, unknown>;

function convert(
  value: unknown,
  enumName: EnumName,
  to: 'name' | 'number',
): unknown {
  const table = ENUMS[enumName] as Record<string, number>;
  if (to === 'number') {
    if (typeof value === 'string' && value in table) return table[value];
    return value;
  }
  if (typeof value === 'number') {
    const name = Object.keys(table).find(k => table[k] === value);
    return name ?? value;
  }
  return value;
}

function walk(
  node: unknown,
  path: string[],
  enumName: EnumName,
  to: 'name' | 'number',
): unknown {
  if (node === null || node === undefined) return node;
  if (!path.length) return convert(node, enumName, to);
  const [head, ...rest] = path;
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  if (typeof node !== 'object' || Array.isArray(node)) return node;
  const obj = node as Json;
  if (!(key in obj)) return node;
  const value = obj[key];
  if (list) {
    if (!Array.isArray(value)) return node;
    return {
      ...obj,
      [key]: value.map(v => walk(v, rest, enumName, to)),
    };
  }
  return { ...obj, [key]: walk(value, rest, enumName, to) };
}

/**
 * Converts the enum fields of a Container API message between names (`"RUNNING"`) and numbers
 * (`2`, what clients asking `$alt=json;enum-encoding=int` send and receive). Other fields are
 * left as they are.
 */
export function convertEnums<T>(
  message: T,
  fields: Record<string, EnumName>,
  to: 'name' | 'number',
): T {
  let out: unknown = message;
  for (const [path, enumName] of Object.entries(fields)) {
    out = walk(out, path.split('.'), enumName, to);
  }
  return out as T;
}
