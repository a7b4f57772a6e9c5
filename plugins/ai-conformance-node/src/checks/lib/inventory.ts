/** The accelerator inventory most accelerator checks start from. */
import type { EvaluationError } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../../snapshot/types';
import type { CheckContext, CheckOutcome } from '../types';
import { unknownOutcome, type OutcomeParts } from './outcomes';
import { READS } from './reads';
import { lookup } from './readAccess';
import { acceleratorNodesWithDra, type AcceleratorNode } from './accelerators';

export type Inventory =
  | { state: 'failed'; error: EvaluationError }
  | {
      state: 'ok';
      nodes: KubeObject[];
      accelerators: AcceleratorNode[];
      /** ResourceSlices when readable (undefined when not served or not readable). */
      slices?: KubeObject[];
      /** Why ResourceSlices could not be read, if they could not. */
      slicesError?: EvaluationError;
    };

const cache = new WeakMap<object, Inventory>();

/** The inventory of a snapshot, computed once and shared by the checks. */
export function acceleratorInventory(ctx: CheckContext): Inventory {
  const cached = cache.get(ctx.snapshot);
  if (cached) return cached;
  const inventory = buildInventory(ctx);
  cache.set(ctx.snapshot, inventory);
  return inventory;
}

function buildInventory(ctx: CheckContext): Inventory {
  const nodes = lookup(ctx, READS.nodes);
  if (nodes.state === 'failed') return { state: 'failed', error: nodes.error };
  const items = nodes.state === 'ok' ? nodes.items : [];
  const slices = lookup(ctx, READS.resourceslices);
  const sliceItems = slices.state === 'ok' ? slices.items : undefined;
  return {
    state: 'ok',
    nodes: items,
    accelerators: acceleratorNodesWithDra(items, sliceItems),
    slices: sliceItems,
    slicesError: slices.state === 'failed' ? slices.error : undefined,
  };
}

/**
 * When ResourceSlices could not be read, a negative answer (no accelerator,
 * no driver version, no sharing, no network device) may be wrong: DRA could
 * publish what the nodes do not show. Such answers become `unknown`.
 */
export function unknownIfDraUnreadable(
  inv: Inventory,
  what: string,
  parts: OutcomeParts = {},
): CheckOutcome | undefined {
  if (inv.state !== 'ok' || !inv.slicesError) return undefined;
  return unknownOutcome([inv.slicesError], what, parts);
}
