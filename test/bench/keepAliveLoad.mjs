// Closed-loop load of one URL: `connections` clients (Node's fetch, keep-alive)
// send requests back to back for `durationMs`; latency percentiles, requests
// per second and the answers' statuses. Shared by the route benchmarks.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The p-th percentile of xs (nearest rank). */
export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

export async function keepAliveLoad(url, headers, { connections, durationMs }) {
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const until = performance.now() + durationMs;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          const res = await fetch(url, { headers });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 400) errors++;
        } catch {
          errors++;
          statuses.error = (statuses.error ?? 0) + 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuStarted);
  return {
    // The load's own process: CPU share of one core and its event loop's
    // worst delay (a busy client adds its delays to the latencies).
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    clientLoopDelayMaxMs: loopDelay.max / 1e6,
    requests: latencies.length,
    errors,
    statuses,
    rps: latencies.length / seconds,
    p50Ms: pct(latencies, 50),
    p95Ms: pct(latencies, 95),
    p99Ms: pct(latencies, 99),
    maxMs: latencies.reduce((a, b) => Math.max(a, b), 0),
  };
}
