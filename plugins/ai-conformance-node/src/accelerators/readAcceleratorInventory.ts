import type { ClusterConnection } from '../cluster/ClusterConnection';
import { KubeApiClient } from '../cluster/KubeApiClient';
import { statusMessage } from '../collector/responseOutcome';
import type { KubeObject } from '../snapshot/types';
import { buildAcceleratorInventory } from './buildAcceleratorInventory';
import type { AcceleratorInventory } from './types';

/**
 * Options of {@link readAcceleratorInventory}.
 *
 * @public
 */
export interface ReadAcceleratorInventoryOptions {
  /** Timeout of each API request; default 10 s. */
  requestTimeoutMs?: number;
  /** Page size of list requests; default 500. */
  pageSize?: number;
  signal?: AbortSignal;
}

/**
 * A list request that did not return the items.
 *
 * @public
 */
export class InventoryReadError extends Error {
  name = 'InventoryReadError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** ResourceSlice versions, newest first (v1 is GA from 1.34). */
const RESOURCE_SLICE_PATHS = [
  '/apis/resource.k8s.io/v1/resourceslices',
  '/apis/resource.k8s.io/v1beta2/resourceslices',
  '/apis/resource.k8s.io/v1beta1/resourceslices',
];

async function listAll(
  client: KubeApiClient,
  path: string,
  options: Required<
    Pick<ReadAcceleratorInventoryOptions, 'requestTimeoutMs' | 'pageSize'>
  > & {
    signal?: AbortSignal;
    fieldSelector?: string;
  },
): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let continueToken: string | undefined;
  do {
    const response = await client.request({
      path,
      query: {
        limit: String(options.pageSize),
        continue: continueToken,
        fieldSelector: options.fieldSelector,
      },
      timeoutMs: options.requestTimeoutMs,
      signal: options.signal,
    });
    if (response.status !== 200) {
      throw new InventoryReadError(
        response.status,
        `GET ${path} answered ${statusMessage(response.status, response.body)}`,
      );
    }
    let list: { items?: KubeObject[]; metadata?: { continue?: string } };
    try {
      list = JSON.parse(response.body);
    } catch {
      throw new InventoryReadError(200, `GET ${path} returned unreadable JSON`);
    }
    items.push(...(list.items ?? []));
    continueToken = list.metadata?.continue || undefined;
  } while (continueToken);
  return items;
}

/**
 * Reads the accelerator inventory of a cluster over the connection's
 * TLS and credentials: nodes (paginated), Running pods, and DRA
 * ResourceSlices of the newest served version.
 *
 * Allocated devices come from ONE paginated list of all Running pods
 * (`fieldSelector=status.phase=Running`, pages of 500) grouped by
 * `spec.nodeName`, rather than one list per node: the number of requests
 * grows with the number of pods / 500 instead of with the number of nodes,
 * which matters on clusters with thousands of nodes.
 *
 * Nodes must be readable (otherwise this throws {@link InventoryReadError});
 * unreadable pods or ResourceSlices become warnings and leave `allocated`
 * or DRA devices out.
 *
 * @public
 */
export async function readAcceleratorInventory(
  connection: ClusterConnection,
  options: ReadAcceleratorInventoryOptions = {},
): Promise<AcceleratorInventory> {
  const client = await KubeApiClient.create(connection, { maxSockets: 4 });
  const opts = {
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    pageSize: options.pageSize ?? 500,
    signal: options.signal,
  };
  const warnings: string[] = [];
  try {
    const [nodes, pods, resourceSlices] = await Promise.all([
      listAll(client, '/api/v1/nodes', opts),
      listAll(client, '/api/v1/pods', {
        ...opts,
        fieldSelector: 'status.phase=Running',
      }).catch((e: Error) => {
        warnings.push(
          `Running pods could not be read, so allocated devices are unknown: ${e.message}`,
        );
        return undefined;
      }),
      readResourceSlices(client, opts, warnings),
    ]);
    return buildAcceleratorInventory({ nodes, pods, resourceSlices, warnings });
  } finally {
    client.close();
  }
}

async function readResourceSlices(
  client: KubeApiClient,
  opts: Parameters<typeof listAll>[2],
  warnings: string[],
): Promise<KubeObject[]> {
  for (const path of RESOURCE_SLICE_PATHS) {
    try {
      return await listAll(client, path, opts);
    } catch (e) {
      if (e instanceof InventoryReadError && e.status === 404) continue;
      warnings.push(
        `ResourceSlices could not be read: ${(e as Error).message}`,
      );
      return [];
    }
  }
  return [];
}
