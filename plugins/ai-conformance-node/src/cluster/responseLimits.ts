import { constants } from 'node:buffer';
import { InputError } from '@backstage/errors';

/**
 * The default cap on the bytes of one API-server response body: 32 MiB.
 *
 * Sized for the largest answer a read asks for: one page of the Node list
 * of a 5,000-node cluster (Kubernetes' supported maximum). Lists are read
 * in pages of 500 objects, and the Node is the largest object listed in
 * pages: up to 50 images in `status.images` (the kubelet's
 * `--node-status-max-images` default, ≤ 300 B each: 15 KiB), up to ~200
 * labels and annotations from node-feature-discovery and GPU operators
 * (≤ 16 KiB), managedFields of four or five managers (≤ 16 KiB) and its
 * conditions, addresses, capacity and node info (~4 KiB): ≤ 64 KiB per Node,
 * so 500 × 64 KiB = 32 MiB. The same cap also holds all 5,000 Nodes of a
 * metadata-only list (≤ 6.5 KiB each) from a server that ignores `limit`.
 * Typical Nodes are 10–20 KiB, leaving 3× headroom.
 *
 * @public
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * The largest cap accepted: a response body becomes one string, and V8
 * strings hold at most `buffer.constants.MAX_STRING_LENGTH` characters.
 *
 * @public
 */
export const MAX_RESPONSE_BYTES_LIMIT = Math.min(
  constants.MAX_STRING_LENGTH,
  512 * 1024 * 1024,
);

/**
 * Validates a configured cap on response bytes: a whole number from 1 KiB
 * to {@link MAX_RESPONSE_BYTES_LIMIT}. Throws InputError naming `source`.
 *
 * @public
 */
export function checkMaxResponseBytes(value: number, source: string): number {
  if (
    !Number.isInteger(value) ||
    value < 1024 ||
    value > MAX_RESPONSE_BYTES_LIMIT
  ) {
    throw new InputError(
      `${source} must be a whole number of bytes from 1024 to ${MAX_RESPONSE_BYTES_LIMIT}, got ${value}`,
    );
  }
  return value;
}
