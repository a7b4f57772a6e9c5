import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * The namespace and name of a cluster entity from an entity ref
 * (`resource:default/gke-ai-prod`) or a bare name (`gke-ai-prod`, in the
 * default namespace). Throws InputError for another kind or a malformed ref.
 */
export function parseClusterRef(cluster: string): {
  namespace: string;
  name: string;
} {
  let ref;
  try {
    ref = parseEntityRef(cluster.trim(), {
      defaultKind: 'resource',
      defaultNamespace: DEFAULT_NAMESPACE,
    });
  } catch (error) {
    throw new InputError(
      `Invalid cluster "${cluster}": give an entity ref (resource:default/NAME) or a name`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'resource') {
    throw new InputError(
      `Invalid cluster "${cluster}": clusters are Resource entities, not ${ref.kind}`,
    );
  }
  return { namespace: ref.namespace, name: ref.name };
}
