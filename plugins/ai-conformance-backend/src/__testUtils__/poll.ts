/** Calls `fn` every `intervalMs` until `done` holds for its value; throws with the last value after `timeoutMs`. */
export async function poll<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const v = await fn();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`Timed out: ${JSON.stringify(v)}`);
    await new Promise(r => setTimeout(r, options.intervalMs ?? 100));
  }
}
