import type { CrdSpec, KubeObject } from '../types';
import { timestampAt, uidOf } from './objectIds';

/** Expands a CRD shorthand into a CustomResourceDefinition as the API server stores it. */
export function expandCrd(spec: CrdSpec, index: number): KubeObject {
  const name = `${spec.plural}.${spec.group}`;
  const singular = spec.singular ?? spec.kind.toLowerCase();
  const listKind = spec.listKind ?? `${spec.kind}List`;
  const created = timestampAt(600 + index * 3);
  const subresources: Record<string, unknown> = {};
  for (const sub of spec.subresources ?? ['status']) subresources[sub] = {};
  const acceptedNames = {
    kind: spec.kind,
    listKind,
    plural: spec.plural,
    singular,
    ...(spec.shortNames ? { shortNames: spec.shortNames } : {}),
    ...(spec.categories ? { categories: spec.categories } : {}),
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name,
      uid: uidOf(`crd:${name}`),
      resourceVersion: String(400 + index),
      generation: 1,
      creationTimestamp: created,
      ...(spec.labels ? { labels: spec.labels } : {}),
      ...(spec.annotations ? { annotations: spec.annotations } : {}),
    },
    spec: {
      group: spec.group,
      names: acceptedNames,
      scope: spec.scope ?? 'Namespaced',
      conversion: { strategy: 'None' },
      versions: spec.versions.map((version, i) => ({
        name: version,
        served: true,
        storage: i === 0,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object' },
              spec: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
              },
              status: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        },
        ...(Object.keys(subresources).length ? { subresources } : {}),
        ...(spec.printerColumns
          ? { additionalPrinterColumns: spec.printerColumns }
          : {}),
      })),
    },
    status: {
      acceptedNames,
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          reason: 'NoConflicts',
          message: 'no conflicts found',
          lastTransitionTime: created,
        },
        {
          type: 'Established',
          status: 'True',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
          lastTransitionTime: created,
        },
      ],
      storedVersions: [spec.versions[0]],
    },
  };
}
