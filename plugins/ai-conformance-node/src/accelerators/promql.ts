/**
 * Escapes a value for a double-quoted PromQL string (`\` and `"`, plus newlines).
 *
 * @public
 */
export function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * A vector selector `metric{a="x",b="y"}` with equality matchers; label
 * values are escaped, names are checked (throws on an invalid name).
 *
 * @public
 */
export function vectorSelector(
  metric: string,
  matchers: Record<string, string> = {},
): string {
  if (!METRIC_NAME.test(metric))
    throw new Error(`Invalid metric name "${metric}"`);
  const parts = Object.entries(matchers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => {
      if (!LABEL_NAME.test(name) || name.startsWith('__'))
        throw new Error(`Invalid label name "${name}"`);
      return `${name}="${escapeLabelValue(value)}"`;
    });
  return parts.length ? `${metric}{${parts.join(',')}}` : metric;
}
