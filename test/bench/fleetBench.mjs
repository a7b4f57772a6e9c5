// Helpers of the fleet benchmarks (fleet-scheduler.mjs, fleet-replicas.mjs).
import fs from 'node:fs';

/** The value after `--<name>` on the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** kube-sim scenarios the fleet's clusters take in turn. */
export const FLEET_SCENARIOS = [
  'gke-1.34-conformant',
  'eks-1.35',
  'vanilla-1.36-cpu',
  'gke-1.35-should',
];

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Resident memory of a process in MiB (0 once it is gone). */
export function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in seconds (0 once it is gone). */
export function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
