import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_NAMESPACE,
  makeValidator,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { aiConformanceReportReadPermission } from '@ai-conformance/plugin-ai-conformance-common';

/** Entity refs per permission request (its body has a size limit). */
export const AUTHORIZE_BATCH_SIZE = 250;

const validator = makeValidator();

/** Catalog filter of the cluster entities (as the Kubernetes plugin's catalog locator). */
export const CLUSTER_ENTITY_FILTER = {
  kind: 'Resource',
  'spec.type': 'kubernetes-cluster',
};

/**
 * Entity existence (from the catalog, with the caller's credentials) and
 * permission decisions for the routes.
 */
export class ClusterAccess {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      permissions: PermissionsService;
    },
  ) {}

  /** The cluster entity ref for route parameters; InputError when malformed. */
  entityRef(namespace: string, name: string): string {
    if (!validator.isValidNamespace(namespace)) {
      throw new InputError(`Invalid entity namespace "${namespace}"`);
    }
    if (!validator.isValidEntityName(name)) {
      throw new InputError(`Invalid entity name "${name}"`);
    }
    return stringifyEntityRef({ kind: 'Resource', namespace, name });
  }

  /** The entity, as the caller may see it; NotFoundError otherwise. */
  async requireEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No catalog entity ${entityRef}`);
    }
    return entity;
  }

  /** Throws NotAllowedError unless the caller may read the cluster's reports. */
  async authorizeRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.mayRead(entityRef, credentials))) {
      throw new NotAllowedError(
        `Not allowed to read AI Conformance reports of ${entityRef}`,
      );
    }
  }

  /** Whether the caller may read the cluster's reports (nothing thrown). */
  async mayRead(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.#allowed(
      aiConformanceReportReadPermission,
      entityRef,
      credentials,
    );
  }

  /**
   * Throws NotAllowedError unless the policy allows the permission on this
   * cluster entity (conditional decisions are applied to the entity).
   */
  async authorize(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.#allowed(permission, entityRef, credentials))) {
      throw new NotAllowedError(
        `Not allowed: ${permission.name} on ${entityRef}`,
      );
    }
  }

  async #allowed(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** The refs whose reports the caller may read. */
  async filterReadable(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (entityRefs.length === 0) return [];
    // One question first: a policy that allows or denies this permission
    // outright answers for every cluster at once.
    const [overall] = await this.deps.permissions.authorizeConditional(
      [{ permission: aiConformanceReportReadPermission }],
      { credentials },
    );
    if (overall.result === AuthorizeResult.ALLOW) return entityRefs;
    if (overall.result === AuthorizeResult.DENY) return [];
    // Conditional (e.g. owner-scoped): decide per cluster. The permission
    // backend limits its request body, so ask in batches.
    const batches: string[][] = [];
    for (let i = 0; i < entityRefs.length; i += AUTHORIZE_BATCH_SIZE) {
      batches.push(entityRefs.slice(i, i + AUTHORIZE_BATCH_SIZE));
    }
    const decisions = (
      await Promise.all(
        batches.map(batch =>
          this.deps.permissions.authorize(
            batch.map(resourceRef => ({
              permission: aiConformanceReportReadPermission,
              resourceRef,
            })),
            { credentials },
          ),
        ),
      )
    ).flat();
    return entityRefs.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
  }

  /** Cluster entities the caller can see in the catalog: ref, owner, title. */
  async listClusterEntities(
    credentials: BackstageCredentials,
  ): Promise<Array<{ entityRef: string; owner?: string; title?: string }>> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: CLUSTER_ENTITY_FILTER,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.owner',
        ],
      },
      { credentials },
    );
    return items.map(e => ({
      entityRef: stringifyEntityRef({
        kind: e.kind,
        namespace: e.metadata.namespace ?? DEFAULT_NAMESPACE,
        name: e.metadata.name,
      }),
      ...(typeof e.spec?.owner === 'string' ? { owner: e.spec.owner } : {}),
      ...(e.metadata.title ? { title: e.metadata.title } : {}),
    }));
  }

  /** Cluster entities the caller can see in the catalog. */
  async listClusterEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: CLUSTER_ENTITY_FILTER,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    return items.map(e =>
      stringifyEntityRef({
        kind: e.kind,
        namespace: e.metadata.namespace ?? DEFAULT_NAMESPACE,
        name: e.metadata.name,
      }),
    );
  }

  /** The subset of refs that exist and are visible to the caller. */
  async existing(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    if (entityRefs.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
      { credentials },
    );
    return entityRefs.filter(
      (_, i) => items[i] !== undefined && items[i] !== null,
    );
  }
}
