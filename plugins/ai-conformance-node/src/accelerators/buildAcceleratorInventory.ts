import type { KubeObject } from '../snapshot/types';
import {
  isAcceleratorResource,
  ACCELERATOR_TYPE_LABELS,
  DRIVER_LABELS,
  MODEL_LABELS,
  NO_POOL,
  POOL_DETAIL_LABELS,
  POOL_LABELS,
  countQuantity,
  firstLabel,
} from './acceleratorLabels';
import type {
  AcceleratorInventory,
  AcceleratorNode,
  AcceleratorPool,
  AcceleratorResourceCount,
  DraDeviceGroup,
} from './types';

/**
 * What the inventory is built from.
 *
 * @public
 */
export interface AcceleratorInventoryInput {
  nodes: KubeObject[];
  /**
   * Running pods (any namespace); undefined when they could not be read, which
   * leaves `allocated` out.
   */
  pods?: KubeObject[];
  resourceSlices?: KubeObject[];
  warnings?: string[];
}

type Requests = Record<string, unknown> | undefined;

function containerRequests(container: any): Map<string, number> {
  const out = new Map<string, number>();
  const requests: Requests = container?.resources?.requests;
  const limits: Requests = container?.resources?.limits;
  // Extended resources must request what they limit; a limit alone implies the request.
  for (const source of [limits, requests]) {
    for (const [resource, value] of Object.entries(source ?? {})) {
      if (isAcceleratorResource(resource))
        out.set(resource, countQuantity(value));
    }
  }
  return out;
}

/**
 * The effective accelerator requests of a pod: the sum over its containers,
 * or the largest init container request when that is larger.
 *
 * @public
 */
export function podAcceleratorRequests(pod: KubeObject): Map<string, number> {
  const total = new Map<string, number>();
  for (const c of pod.spec?.containers ?? []) {
    for (const [r, n] of containerRequests(c))
      total.set(r, (total.get(r) ?? 0) + n);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [r, n] of containerRequests(c))
      total.set(r, Math.max(total.get(r) ?? 0, n));
  }
  return total;
}

function attribute(device: any, name: string): string | undefined {
  const attrs = device?.attributes ?? device?.basic?.attributes ?? {};
  const value = attrs[name];
  if (!value || typeof value !== 'object') return undefined;
  const v = value.string ?? value.version ?? value.int ?? value.bool;
  return v === undefined ? undefined : String(v);
}

function addUnique(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

function draGroups(slices: KubeObject[]): DraDeviceGroup[] {
  const groups = new Map<string, DraDeviceGroup>();
  for (const slice of slices) {
    const spec = slice.spec ?? {};
    const driver: string = spec.driver ?? '(unknown driver)';
    const node: string | undefined = spec.nodeName || undefined;
    const key = `${driver}\u0000${node ?? ''}`;
    const group = groups.get(key) ?? {
      driver,
      ...(node ? { node } : {}),
      ...(spec.pool?.name ? { pool: String(spec.pool.name) } : {}),
      devices: 0,
      models: [],
      driverVersions: [],
    };
    for (const device of spec.devices ?? []) {
      group.devices++;
      addUnique(group.models, attribute(device, 'productName'));
      addUnique(
        group.driverVersions,
        attribute(device, 'driverVersion') ??
          attribute(device, 'cudaDriverVersion'),
      );
    }
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.driver.localeCompare(b.driver) ||
      (a.node ?? '').localeCompare(b.node ?? ''),
  );
}

function addCounts(
  into: Map<string, AcceleratorResourceCount>,
  counts: AcceleratorResourceCount[],
  withAllocated: boolean,
): void {
  for (const c of counts) {
    const entry = into.get(c.resource) ?? {
      resource: c.resource,
      capacity: 0,
      allocatable: 0,
      ...(withAllocated ? { allocated: 0 } : {}),
    };
    entry.capacity += c.capacity;
    entry.allocatable += c.allocatable;
    if (withAllocated)
      entry.allocated = (entry.allocated ?? 0) + (c.allocated ?? 0);
    into.set(c.resource, entry);
  }
}

function sortedCounts(
  map: Map<string, AcceleratorResourceCount>,
): AcceleratorResourceCount[] {
  return [...map.values()].sort((a, b) => a.resource.localeCompare(b.resource));
}

function isReady(node: KubeObject): boolean {
  return (node.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * Builds the accelerator inventory: per node pool and accelerator type, the
 * nodes, capacity and allocatable of each accelerator resource (GPUs, MIG
 * slices, TPUs), what Running pods request of them, DRA devices from
 * ResourceSlices, models, driver versions and the provider's pool labels.
 * Pure: the same input always gives the same inventory.
 *
 * @public
 */
export function buildAcceleratorInventory(
  input: AcceleratorInventoryInput,
): AcceleratorInventory {
  const withAllocated = input.pods !== undefined;
  const allocatedByNode = new Map<string, Map<string, number>>();
  for (const pod of input.pods ?? []) {
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!nodeName || pod.status?.phase !== 'Running') continue;
    const perNode = allocatedByNode.get(nodeName) ?? new Map<string, number>();
    for (const [r, n] of podAcceleratorRequests(pod))
      perNode.set(r, (perNode.get(r) ?? 0) + n);
    allocatedByNode.set(nodeName, perNode);
  }

  const dra = draGroups(input.resourceSlices ?? []);
  const draByNode = new Map<string, DraDeviceGroup[]>();
  for (const g of dra) {
    if (!g.node) continue;
    draByNode.set(g.node, [...(draByNode.get(g.node) ?? []), g]);
  }

  const pools = new Map<string, AcceleratorPool>();
  const poolLabelSets = new Map<string, Array<Record<string, string>>>();
  for (const node of input.nodes) {
    const name = node.metadata.name;
    const labels: Record<string, string> = node.metadata.labels ?? {};
    const capacity: Record<string, unknown> = node.status?.capacity ?? {};
    const allocatable: Record<string, unknown> = node.status?.allocatable ?? {};
    const allocated = allocatedByNode.get(name);
    const resources: AcceleratorResourceCount[] = Object.keys(capacity)
      .filter(r => isAcceleratorResource(r))
      .map(resource => ({
        resource,
        capacity: countQuantity(capacity[resource]),
        allocatable: countQuantity(allocatable[resource]),
        ...(withAllocated ? { allocated: allocated?.get(resource) ?? 0 } : {}),
      }))
      .filter(r => r.capacity > 0)
      .sort((a, b) => a.resource.localeCompare(b.resource));
    const nodeDra = draByNode.get(name) ?? [];
    const draDevices = nodeDra.reduce((n, g) => n + g.devices, 0);
    if (resources.length === 0 && draDevices === 0) continue;

    const model =
      firstLabel(labels, MODEL_LABELS)?.value ??
      nodeDra.flatMap(g => g.models)[0];
    const driverVersion =
      firstLabel(labels, DRIVER_LABELS)?.value ??
      nodeDra.flatMap(g => g.driverVersions)[0];
    const accelerator: AcceleratorNode = {
      name,
      ready: isReady(node),
      ...(model ? { model } : {}),
      ...(driverVersion ? { driverVersion } : {}),
      ...(labels['topology.kubernetes.io/zone']
        ? { zone: labels['topology.kubernetes.io/zone'] }
        : {}),
      ...(labels['node.kubernetes.io/instance-type']
        ? { instanceType: labels['node.kubernetes.io/instance-type'] }
        : {}),
      resources,
      draDevices,
    };

    const poolLabel = firstLabel(labels, POOL_LABELS);
    const type = firstLabel(labels, ACCELERATOR_TYPE_LABELS)?.value;
    const key = `${poolLabel?.value ?? NO_POOL}\u0000${type ?? ''}`;
    const pool = pools.get(key) ?? {
      pool: poolLabel?.value ?? NO_POOL,
      ...(poolLabel ? { poolLabel: poolLabel.key } : {}),
      ...(type ? { acceleratorType: type } : {}),
      models: [],
      driverVersions: [],
      labels: {},
      resources: [],
      draDevices: 0,
      nodes: [],
    };
    pool.nodes.push(accelerator);
    addUnique(pool.models, model);
    addUnique(pool.driverVersions, driverVersion);
    pool.draDevices += draDevices;
    pools.set(key, pool);
    poolLabelSets.set(key, [...(poolLabelSets.get(key) ?? []), labels]);
  }

  const totals = new Map<string, AcceleratorResourceCount>();
  for (const [key, pool] of pools) {
    const sums = new Map<string, AcceleratorResourceCount>();
    for (const n of pool.nodes) addCounts(sums, n.resources, withAllocated);
    pool.resources = sortedCounts(sums);
    addCounts(totals, pool.resources, withAllocated);
    pool.nodes.sort((a, b) => a.name.localeCompare(b.name));
    const labelSets = poolLabelSets.get(key) ?? [];
    for (const label of POOL_DETAIL_LABELS) {
      const value = labelSets[0]?.[label];
      if (value !== undefined && labelSets.every(l => l[label] === value))
        pool.labels[label] = value;
    }
  }

  const poolList = [...pools.values()].sort(
    (a, b) =>
      a.pool.localeCompare(b.pool) ||
      (a.acceleratorType ?? '').localeCompare(b.acceleratorType ?? ''),
  );
  return {
    totalNodes: input.nodes.length,
    acceleratorNodes: poolList.reduce((n, p) => n + p.nodes.length, 0),
    totals: sortedCounts(totals),
    pools: poolList,
    draDevices: dra,
    warnings: [...(input.warnings ?? [])],
  };
}
