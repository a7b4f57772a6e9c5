import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';

/** A conditional decision: allowed on entities the claims own. */
export function ownedBy(...claims: string[]): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims },
    },
  };
}

/** What the policy answers per permission name (the test switches it). */
export type Policy = Record<string, PolicyDecision>;
/**
 * A permissions service that asks a policy and, for a conditional answer,
 * applies the catalog's IS_ENTITY_OWNER rule to the entity, as the
 * permission backend does with the catalog's apply-conditions endpoint.
 */
export function policyPermissions(
  policy: () => Policy,
  asked: Array<{ name: string; resourceRef?: string }>,
  entities: Entity[],
): PermissionsService {
  const decide = (name: string, resourceRef?: string) => {
    asked.push({ name, resourceRef });
    const decision = policy()[name] ?? { result: AuthorizeResult.ALLOW };
    if (decision.result !== AuthorizeResult.CONDITIONAL) return decision.result;
    if (!resourceRef) return AuthorizeResult.DENY;
    const entity = entities.find(
      e => `resource:default/${e.metadata.name}` === resourceRef,
    );
    const { claims } = (
      decision.conditions as unknown as { params: { claims: string[] } }
    ).params;
    return entity && claims.includes(String(entity.spec?.owner))
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  return {
    async authorize(requests) {
      return requests.map(r => ({
        result: decide(
          r.permission.name,
          'resourceRef' in r ? r.resourceRef : undefined,
        ),
      })) as any;
    },
    async authorizeConditional(requests) {
      return requests.map(
        r => policy()[r.permission.name] ?? { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  };
}
