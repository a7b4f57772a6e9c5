import type { KubeObject } from '../types';

/** A read-only, ordered run of objects; generated ones are built on demand. */
export interface ObjectSource {
  size: number;
  at(index: number): KubeObject;
}

/** A source over a materialized array. */
export function arraySource(items: KubeObject[]): ObjectSource {
  return { size: items.length, at: i => items[i] };
}
