const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity (`3920m`, `16Gi`, `1e3`, 4) as a number; NaN when it is not one. */
export function quantityValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(value.trim());
  if (!m || !(m[2] in SUFFIX)) return NaN;
  return Number(m[1]) * SUFFIX[m[2]];
}

/** Adds `b` into `a` (per resource). */
export function addResources(
  a: Record<string, number>,
  b: Record<string, number>,
  times = 1,
): Record<string, number> {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v * times;
  return a;
}

/** Renders a number for a message: integers plain, milli-units for fractions. */
export function formatQuantity(value: number): string {
  return Number.isInteger(value)
    ? String(value)
    : `${Math.round(value * 1000)}m`;
}
