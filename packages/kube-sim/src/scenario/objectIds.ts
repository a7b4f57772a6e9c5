import { createHash } from 'node:crypto';

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function digest(seed: string): Buffer {
  return createHash('sha1').update(seed).digest();
}

/** Deterministic lowercase hex of `length` characters. */
export function hexOf(seed: string, length: number): string {
  return digest(seed).toString('hex').slice(0, length);
}

/** Deterministic random-looking suffix the way Kubernetes generates names. */
export function suffixOf(seed: string, length: number): string {
  const bytes = digest(seed);
  let out = '';
  for (let i = 0; i < length; i++)
    out += SUFFIX_ALPHABET[bytes[i] % SUFFIX_ALPHABET.length];
  return out;
}

/** Deterministic UUID-shaped uid. */
export function uidOf(seed: string): string {
  const h = digest(`uid:${seed}`).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`;
}

/** Start of the simulated history: objects are created days before the process started. */
export const SIM_EPOCH =
  Math.floor(Date.now() / 3_600_000) * 3_600_000 - 21 * 86_400_000;

/** An RFC 3339 timestamp `offsetSeconds` after the simulated epoch. */
export function timestampAt(offsetSeconds: number): string {
  return new Date(SIM_EPOCH + offsetSeconds * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
