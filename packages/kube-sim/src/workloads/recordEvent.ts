import type { KubeObject } from '../types';
import type { ClusterStore } from '../store/ClusterStore';
import { hexOf } from '../scenario/objectIds';
import { nowTimestamp } from './WorkloadController';

/** Writes a `v1 Event` about `about`, as a controller's event recorder does. */
export function recordEvent(
  store: ClusterStore,
  about: KubeObject,
  event: {
    type?: 'Normal' | 'Warning';
    reason: string;
    message: string;
    component: string;
  },
): void {
  const namespace = about.metadata.namespace ?? 'default';
  if (!store.get('', 'namespaces', undefined, namespace)) return;
  const at = nowTimestamp();
  const name = `${about.metadata.name}.${hexOf(
    `${String(about.metadata.uid)}:${event.reason}:${event.message}:${
      store.resourceVersion
    }`,
    16,
  )}`;
  store.create('', 'events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: {
      apiVersion: about.apiVersion,
      kind: about.kind,
      name: about.metadata.name,
      ...(about.metadata.namespace
        ? { namespace: about.metadata.namespace }
        : {}),
      uid: about.metadata.uid,
      resourceVersion: about.metadata.resourceVersion,
    },
    reason: event.reason,
    message: event.message,
    type: event.type ?? 'Normal',
    source: { component: event.component },
    reportingComponent: event.component,
    reportingInstance: '',
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
  });
}
