const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A fast, well-mixed 32-bit hash (FNV-1a with a final avalanche); not for security. */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Deterministic lowercase hex of `length` characters. */
export function hexOf(seed: string, length: number): string {
  let out = '';
  for (let k = 0; out.length < length; k++)
    out += hash32(seed, k).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** Deterministic random-looking suffix the way Kubernetes generates names. */
export function suffixOf(seed: string, length: number): string {
  let out = '';
  let h = 0;
  for (let i = 0; i < length; i++) {
    if (i % 4 === 0) h = hash32(seed, 100 + i);
    out += SUFFIX_ALPHABET[(h >>> ((i % 4) * 8)) % SUFFIX_ALPHABET.length];
  }
  return out;
}

/** Deterministic UUID-shaped uid. */
export function uidOf(seed: string): string {
  const h = hexOf(`uid:${seed}`, 32);
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
    .replace('.000Z', 'Z');
}
