import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * A demo policy: allows every permission except the names listed in
 * `demoPermissionPolicy.deny`. Production portals replace this module with
 * their own policy (see the README, "Permissions").
 */
export class DenyListPermissionPolicy implements PermissionPolicy {
  constructor(private readonly denied: ReadonlySet<string>) {}

  async handle(request: PolicyQuery): Promise<PolicyDecision> {
    if (this.denied.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const demoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'demo-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ policy, config }) {
        const denied =
          config.getOptionalStringArray('demoPermissionPolicy.deny') ?? [];
        policy.setPolicy(new DenyListPermissionPolicy(new Set(denied)));
      },
    });
  },
});
