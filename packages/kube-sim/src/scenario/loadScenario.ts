import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { CrdSpec, KubeObject, Scenario, WorkloadSpec } from '../types';

function scenariosDir(): string {
  return path.join(
    path.dirname(require.resolve('@ai-conformance/kube-sim/package.json')),
    'scenarios',
  );
}

/**
 * Names of the scenarios bundled with the package; with `collection` (e.g.
 * `platforms`), the scenarios of that sub-folder, named `platforms/<name>`.
 */
export function listScenarios(collection?: string): string[] {
  if (collection !== undefined && !/^[a-z0-9-]+$/.test(collection)) {
    throw new Error(`Unknown scenario collection "${collection}"`);
  }
  const dir = collection
    ? path.join(scenariosDir(), collection)
    : scenariosDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .map(file => file.slice(0, -'.yaml'.length))
    .map(name => (collection ? `${collection}/${name}` : name))
    .sort();
}

/** `platforms/aks-1.34`: a bundled scenario in a collection sub-folder. */
const BUNDLED_IN_COLLECTION = /^[a-z0-9-]+\/[A-Za-z0-9._-]+$/;

const parsed = new Map<string, { mtimeMs: number; raw: Scenario }>();

function parseFile(file: string): Scenario {
  const mtimeMs = fs.statSync(file).mtimeMs;
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return structuredClone(cached.raw);
  const raw = parse(fs.readFileSync(file, 'utf8'), { merge: true }) as Scenario;
  parsed.set(file, { mtimeMs, raw });
  return structuredClone(raw);
}

function readScenarioFile(nameOrPath: string): { raw: Scenario; dir: string } {
  const bundledInCollection =
    BUNDLED_IN_COLLECTION.test(nameOrPath) &&
    !nameOrPath.endsWith('.yaml') &&
    fs.existsSync(path.join(scenariosDir(), `${nameOrPath}.yaml`));
  const looksLikePath =
    (!bundledInCollection && nameOrPath.includes('/')) ||
    nameOrPath.includes('\\') ||
    /\.ya?ml$/.test(nameOrPath);
  const file = looksLikePath
    ? path.resolve(nameOrPath)
    : path.join(scenariosDir(), `${nameOrPath}.yaml`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Unknown scenario "${nameOrPath}"; bundled scenarios: ${listScenarios().join(
        ', ',
      )}`,
    );
  }
  const raw = parseFile(file);
  if (!raw || typeof raw !== 'object' || !raw.name) {
    throw new Error(`Scenario file ${file} has no "name"`);
  }
  runtimeFromWorkloads(raw);
  return { raw, dir: path.dirname(file) };
}

/** A `workloads:` mapping holds the workload switches (a list holds workload shorthands). */
function runtimeFromWorkloads(raw: Scenario) {
  const w = raw.workloads as unknown;
  if (w && typeof w === 'object' && !Array.isArray(w)) {
    raw.runtime = { ...(w as Scenario['runtime']), ...raw.runtime };
    delete raw.workloads;
  }
}

function objectKey(o: KubeObject): string {
  const ns = o.metadata?.namespace;
  return ns
    ? `${o.kind}/${ns}/${o.metadata.name}`
    : `${o.kind}/${o.metadata?.name}`;
}

function crdKey(c: CrdSpec): string {
  return `CustomResourceDefinition/${c.plural}.${c.group}`;
}

function workloadKey(w: WorkloadSpec): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}

function isRemoved(key: string, remove: string[]): boolean {
  return remove.some(
    r => r === key || (r.endsWith('/*') && key.startsWith(r.slice(0, -1))),
  );
}

function mergeList<T>(
  parent: T[] | undefined,
  child: T[] | undefined,
  keyOf: (t: T) => string,
  remove: string[],
): T[] {
  const out = new Map<string, T>();
  for (const item of parent ?? []) {
    const key = keyOf(item);
    if (!isRemoved(key, remove)) out.set(key, item);
  }
  for (const item of child ?? []) out.set(keyOf(item), item);
  return [...out.values()];
}

function mergeScenarios(parent: Scenario, child: Scenario): Scenario {
  const remove = child.remove ?? [];
  return {
    ...parent,
    ...child,
    vars: { ...parent.vars, ...child.vars },
    version: { ...parent.version, ...child.version },
    crds: mergeList(parent.crds, child.crds, crdKey, remove),
    workloads: mergeList(
      parent.workloads,
      child.workloads,
      workloadKey,
      remove,
    ),
    objects: mergeList(parent.objects, child.objects, objectKey, remove),
    runtime: { ...parent.runtime, ...child.runtime },
    remove: undefined,
    extends: undefined,
  };
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `${ago:3d}` is an RFC 3339 time that long before now; `${agoText:3d}` the same in Go's time format. */
function relativeTime(kind: string, amount: string): string | undefined {
  const m = /^(\d+)([smhd])$/.exec(amount);
  if (!m) return undefined;
  const at = new Date(Date.now() - Number(m[1]) * UNIT_MS[m[2]]);
  const iso = at.toISOString();
  if (kind === 'ago') return iso.replace(/\.\d{3}Z$/, 'Z');
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${'000'} +0000 UTC`;
}

function substitute<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{([A-Za-z0-9_]+)(?::([0-9]+[smhd]))?\}/g,
      (whole, name: string, amount?: string) => {
        if (amount && (name === 'ago' || name === 'agoText'))
          return relativeTime(name, amount) ?? whole;
        return name in vars ? vars[name] : whole;
      },
    ) as T;
  }
  if (Array.isArray(value)) return value.map(v => substitute(v, vars)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, vars);
    return out as T;
  }
  return value;
}

function resolve(nameOrPath: string, seen: string[]): Scenario {
  const { raw, dir } = readScenarioFile(nameOrPath);
  if (!raw.extends) return raw;
  if (seen.includes(raw.extends)) {
    throw new Error(
      `Scenario "${raw.name}" extends itself through ${seen.join(' -> ')}`,
    );
  }
  const parentRef =
    raw.extends.includes('/') || raw.extends.endsWith('.yaml')
      ? path.resolve(dir, raw.extends)
      : raw.extends;
  const parent = resolve(parentRef, [...seen, raw.extends]);
  return mergeScenarios(parent, raw);
}

/** Loads a bundled scenario by name, or a scenario file by path, with `extends` and `${vars}` resolved. */
export function loadScenario(nameOrPath: string): Scenario {
  const scenario = resolve(nameOrPath, [nameOrPath]);
  return prepareScenario(scenario);
}

/** Validates a parsed scenario and replaces its `${vars}`. */
export function prepareScenario(scenario: Scenario): Scenario {
  if (!scenario.version?.gitVersion) {
    throw new Error(`Scenario "${scenario.name}" has no version.gitVersion`);
  }
  runtimeFromWorkloads(scenario);
  const { vars, ...rest } = scenario;
  return { ...substitute(rest, vars ?? {}), vars };
}
