import type { KubeObject } from '../types';
import type { ClusterStore } from '../store/ClusterStore';
import { specOf } from './podResources';

export const RESOURCE_GROUP = 'resource.k8s.io';

type DeviceRequest = {
  name: string;
  deviceClassName?: string;
  count?: number;
  allocationMode?: string;
  exactly?: {
    deviceClassName?: string;
    count?: number;
    allocationMode?: string;
  };
};

export type AllocationResult = {
  request: string;
  driver: string;
  pool: string;
  device: string;
};

/** The name of the ResourceClaim behind each of the pod's claim entries (undefined: not created yet). */
export function claimNamesOfPod(
  pod: KubeObject,
): Map<string, string | undefined> {
  const statuses =
    (
      pod.status as {
        resourceClaimStatuses?: Array<{
          name: string;
          resourceClaimName?: string;
        }>;
      }
    )?.resourceClaimStatuses ?? [];
  const out = new Map<string, string | undefined>();
  for (const c of specOf(pod).resourceClaims ?? []) {
    out.set(
      c.name,
      c.resourceClaimName ??
        statuses.find(s => s.name === c.name)?.resourceClaimName,
    );
  }
  return out;
}

/** The drivers a DeviceClass selects (`device.driver == "..."` in its CEL selectors). */
export function driversOfClass(deviceClass: KubeObject | undefined): string[] {
  const selectors =
    (
      deviceClass?.spec as {
        selectors?: Array<{ cel?: { expression?: string } }>;
      }
    )?.selectors ?? [];
  const out: string[] = [];
  for (const s of selectors) {
    const m = /device\.driver\s*==\s*['"]([^'"]+)['"]/.exec(
      s.cel?.expression ?? '',
    );
    if (m) out.push(m[1]);
  }
  return out;
}

function requestsOf(claim: KubeObject): DeviceRequest[] {
  return (
    (claim.spec as { devices?: { requests?: DeviceRequest[] } })?.devices
      ?.requests ?? []
  );
}

export function allocationOf(
  claim: KubeObject | undefined,
): AllocationResult[] | undefined {
  const allocation = (
    claim?.status as {
      allocation?: { devices?: { results?: AllocationResult[] } };
    }
  )?.allocation;
  return allocation ? allocation.devices?.results ?? [] : undefined;
}

/** The node an allocated claim is bound to. */
export function allocatedNode(claim: KubeObject): string | undefined {
  const terms = (
    claim.status as {
      allocation?: {
        nodeSelector?: {
          nodeSelectorTerms?: Array<{
            matchFields?: Array<{ values?: string[] }>;
          }>;
        };
      };
    }
  )?.allocation?.nodeSelector?.nodeSelectorTerms;
  return terms?.[0]?.matchFields?.[0]?.values?.[0];
}

type SliceDevice = {
  name: string;
  attributes?: Record<string, Record<string, unknown>>;
  basic?: { attributes?: Record<string, Record<string, unknown>> };
};

/** Devices published for a node: `driver/pool/device` → the device. */
export function devicesOfNode(
  store: ClusterStore,
  nodeName: string,
): Array<{ driver: string; pool: string; device: SliceDevice }> {
  const out: Array<{ driver: string; pool: string; device: SliceDevice }> = [];
  for (const [, slice] of store.iterate(RESOURCE_GROUP, 'resourceslices')) {
    const spec = slice.spec as {
      driver: string;
      nodeName?: string;
      pool?: { name: string };
      devices?: SliceDevice[];
    };
    if (spec.nodeName !== nodeName) continue;
    for (const device of spec.devices ?? [])
      out.push({
        driver: spec.driver,
        pool: spec.pool?.name ?? nodeName,
        device,
      });
  }
  return out;
}

/** Every device some claim holds (`driver/pool/device`). */
export function allocatedDevices(store: ClusterStore): Set<string> {
  const out = new Set<string>();
  for (const [, claim] of store.iterate(RESOURCE_GROUP, 'resourceclaims'))
    for (const r of allocationOf(claim) ?? [])
      out.add(`${r.driver}/${r.pool}/${r.device}`);
  return out;
}

/**
 * Picks devices on `nodeName` for every request of `claim`, among devices nobody holds; undefined
 * when they do not all fit. `taken` gains the picked devices.
 */
export function allocateOnNode(
  store: ClusterStore,
  claim: KubeObject,
  nodeName: string,
  taken: Set<string>,
): AllocationResult[] | undefined {
  const devices = devicesOfNode(store, nodeName);
  const picked: AllocationResult[] = [];
  const local = new Set(taken);
  for (const request of requestsOf(claim)) {
    const exact = request.exactly ?? request;
    const drivers = driversOfClass(
      store.get(
        RESOURCE_GROUP,
        'deviceclasses',
        undefined,
        exact.deviceClassName ?? '',
      ),
    );
    const free = devices.filter(
      d =>
        drivers.includes(d.driver) &&
        !local.has(`${d.driver}/${d.pool}/${d.device.name}`),
    );
    const want =
      exact.allocationMode === 'All' ? free.length : exact.count ?? 1;
    if (!want || free.length < want) return undefined;
    for (const d of free.slice(0, want)) {
      local.add(`${d.driver}/${d.pool}/${d.device.name}`);
      picked.push({
        request: request.name,
        driver: d.driver,
        pool: d.pool,
        device: d.device.name,
      });
    }
  }
  picked.forEach(p => taken.add(`${p.driver}/${p.pool}/${p.device}`));
  return picked;
}

/** The status of a claim allocated on a node and reserved for a pod. */
export function allocatedStatus(
  claim: KubeObject,
  results: AllocationResult[],
  nodeName: string,
  pod: KubeObject,
): Record<string, unknown> {
  return {
    ...(claim.status as Record<string, unknown> | undefined),
    allocation: {
      devices: { results },
      nodeSelector: {
        nodeSelectorTerms: [
          {
            matchFields: [
              { key: 'metadata.name', operator: 'In', values: [nodeName] },
            ],
          },
        ],
      },
    },
    reservedFor: [
      { resource: 'pods', name: pod.metadata.name, uid: pod.metadata.uid },
    ],
  };
}

/** The attribute of a published device (`uuid`, `index`...), whatever its type. */
export function deviceAttribute(
  store: ClusterStore,
  nodeName: string,
  result: AllocationResult,
  name: string,
): unknown {
  const found = devicesOfNode(store, nodeName).find(
    d =>
      d.driver === result.driver &&
      d.pool === result.pool &&
      d.device.name === result.device,
  );
  const attrs =
    found?.device.attributes ?? found?.device.basic?.attributes ?? {};
  const value = attrs[name];
  return value ? Object.values(value)[0] : undefined;
}
