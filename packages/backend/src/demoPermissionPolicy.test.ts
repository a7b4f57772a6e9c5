import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DenyListPermissionPolicy } from './demoPermissionPolicy';

describe('DenyListPermissionPolicy', () => {
  const policy = new DenyListPermissionPolicy(
    new Set(['ai-conformance.run.create']),
  );

  it('denies a listed permission', async () => {
    const decision = await policy.handle({
      permission: {
        type: 'basic',
        name: 'ai-conformance.run.create',
        attributes: { action: 'create' },
      },
    });
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('allows any other permission', async () => {
    const decision = await policy.handle({
      permission: {
        type: 'basic',
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
      },
    });
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
