import type { KubeObject } from '../types';
import type { ScenarioModel } from '../scenario/ScenarioModel';
import { grKey } from '../scenario/ScenarioModel';
import { uidOf } from '../scenario/objectIds';

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Whether anything but metadata and status differs (what bumps `metadata.generation`). */
function specChanged(a: KubeObject, b: KubeObject): boolean {
  const rest = (o: KubeObject) => {
    const { metadata, status, ...others } = o;
    return JSON.stringify(others);
  };
  return rest(a) !== rest(b);
}

/** What happened to an object of a ClusterStore. */
export interface StoreChange {
  verb: 'create' | 'update' | 'delete';
  group: string;
  resource: string;
  /** The stored object (for `delete`, the object as it was last stored). */
  object: KubeObject;
  /** For `update`, the object before the change. */
  previous?: KubeObject;
}

/**
 * Called synchronously after every create, update and delete. A listener that writes to the store
 * should do so later (a timer or a microtask), as a controller reacting to a watch event does.
 */
export type StoreListener = (change: StoreChange) => void;

/**
 * One virtual cluster's objects: the scenario's shared base objects plus this cluster's own
 * creations, updates and deletions, kept in an overlay so that a thousand clusters of one
 * scenario share the base.
 */
export class ClusterStore {
  private readonly overlay = new Map<string, Map<string, KubeObject | null>>();
  private readonly added = new Map<string, Set<string>>();
  private revision = 100000;
  private readonly listeners = new Set<StoreListener>();

  constructor(readonly model: ScenarioModel) {}

  /** Registers a listener of every change; returns the function that removes it. */
  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(change: StoreChange) {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** The current resourceVersion of the whole store. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  private indexOf(key: string): Map<string, { source: number; index: number }> {
    return this.model.baseIndex(key);
  }

  private overlayOf(key: string): Map<string, KubeObject | null> {
    let map = this.overlay.get(key);
    if (!map) {
      map = new Map();
      this.overlay.set(key, map);
    }
    return map;
  }

  /** Yields [position, object] from `start` on; positions stay stable for continue tokens. */
  *iterate(
    group: string,
    resource: string,
    start = 0,
  ): Generator<[number, KubeObject]> {
    const key = grKey(group, resource);
    const overlay = this.overlay.get(key);
    let position = 0;
    for (const src of this.model.sourcesOf(key)) {
      if (start >= position + src.size) {
        position += src.size;
        continue;
      }
      for (let i = Math.max(0, start - position); i < src.size; i++) {
        const base = src.at(i);
        if (overlay && overlay.size) {
          const over = overlay.get(
            keyOf(base.metadata.namespace, base.metadata.name),
          );
          if (over === null) continue;
          if (over) {
            yield [position + i, over];
            continue;
          }
        }
        yield [position + i, base];
      }
      position += src.size;
    }
    const added = this.added.get(key);
    if (added && overlay) {
      let j = 0;
      for (const k of added) {
        if (position + j >= start) {
          const o = overlay.get(k);
          if (o) yield [position + j, o];
        }
        j++;
      }
    }
  }

  /** How many objects a collection holds. */
  count(group: string, resource: string): number {
    const key = grKey(group, resource);
    let total = this.model.sourcesOf(key).reduce((n, src) => n + src.size, 0);
    for (const value of this.overlay.get(key)?.values() ?? [])
      if (value === null) total--;
    return total + (this.added.get(key)?.size ?? 0);
  }

  get(
    group: string,
    resource: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const key = grKey(group, resource);
    const k = keyOf(namespace, name);
    const over = this.overlay.get(key)?.get(k);
    if (over === null) return undefined;
    if (over) return over;
    const at = this.indexOf(key).get(k);
    return at ? this.model.sourcesOf(key)[at.source].at(at.index) : undefined;
  }

  /** Whether an object was created at run time (not one of the scenario's base objects). */
  isAdded(
    group: string,
    resource: string,
    namespace: string | undefined,
    name: string,
  ): boolean {
    return (
      this.added.get(grKey(group, resource))?.has(keyOf(namespace, name)) ??
      false
    );
  }

  /** The objects of a collection created at run time (cheap on scenarios with many base objects). */
  *iterateAdded(group: string, resource: string): Generator<KubeObject> {
    const key = grKey(group, resource);
    const overlay = this.overlay.get(key);
    for (const k of this.added.get(key) ?? []) {
      const o = overlay?.get(k);
      if (o) yield o;
    }
  }

  /** Stores a new object; the caller checked it does not exist. */
  create(group: string, resource: string, object: KubeObject): KubeObject {
    const key = grKey(group, resource);
    const k = keyOf(object.metadata.namespace, object.metadata.name);
    const stored = this.stamp(object, true);
    this.overlayOf(key).set(k, stored);
    if (!this.indexOf(key).has(k)) {
      const added = this.added.get(key) ?? new Set<string>();
      added.add(k);
      this.added.set(key, added);
    }
    this.notify({ verb: 'create', group, resource, object: stored });
    return stored;
  }

  update(group: string, resource: string, object: KubeObject): KubeObject {
    const key = grKey(group, resource);
    const previous = this.get(
      group,
      resource,
      object.metadata.namespace,
      object.metadata.name,
    );
    const stored = this.stamp(object, false, previous);
    this.overlayOf(key).set(
      keyOf(object.metadata.namespace, object.metadata.name),
      stored,
    );
    this.notify({ verb: 'update', group, resource, object: stored, previous });
    return stored;
  }

  delete(
    group: string,
    resource: string,
    namespace: string | undefined,
    name: string,
  ): void {
    const key = grKey(group, resource);
    const k = keyOf(namespace, name);
    const object = this.get(group, resource, namespace, name);
    this.revision++;
    if (this.indexOf(key).has(k)) {
      this.overlayOf(key).set(k, null);
    } else {
      this.overlay.get(key)?.delete(k);
      this.added.get(key)?.delete(k);
    }
    if (object) this.notify({ verb: 'delete', group, resource, object });
  }

  /** Deletes every namespaced object in a namespace (what namespace deletion ends in). */
  deleteNamespaceContents(namespace: string): void {
    const keys = new Set([
      ...this.model.collectionKeys(),
      ...this.overlay.keys(),
    ]);
    for (const key of keys) {
      const [group, resource] = [
        key.slice(0, key.indexOf('/')),
        key.slice(key.indexOf('/') + 1),
      ];
      const doomed: string[] = [];
      for (const [, o] of this.iterate(group, resource)) {
        if (o.metadata.namespace === namespace) doomed.push(o.metadata.name);
      }
      doomed.forEach(name => this.delete(group, resource, namespace, name));
    }
  }

  /** What create or update would store, without storing it (server-side dry run). */
  preview(object: KubeObject, isNew: boolean): KubeObject {
    const stored = this.stamp(object, isNew);
    this.revision--;
    return stored;
  }

  private stamp(
    object: KubeObject,
    isNew: boolean,
    previous?: KubeObject,
  ): KubeObject {
    this.revision++;
    const metadata = { ...object.metadata };
    if (isNew) {
      metadata.uid = uidOf(
        `${this.revision}:${metadata.namespace ?? ''}/${
          metadata.name
        }:${Math.random()}`,
      );
      metadata.creationTimestamp = new Date()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      metadata.generation = 1;
    } else if (
      typeof metadata.generation === 'number' &&
      (!previous || specChanged(previous, object))
    ) {
      metadata.generation += 1;
    }
    metadata.resourceVersion = String(this.revision);
    return { ...object, metadata };
  }
}
