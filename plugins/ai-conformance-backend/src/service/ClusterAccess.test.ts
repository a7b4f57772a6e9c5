import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AUTHORIZE_BATCH_SIZE, ClusterAccess } from './ClusterAccess';

describe('ClusterAccess.filterReadable', () => {
  it.each([
    [AuthorizeResult.ALLOW, 3],
    [AuthorizeResult.DENY, 0],
  ])(
    'answers with one question when the policy says %s outright',
    async (result, readableCount) => {
      const permissions = {
        authorize: jest.fn(),
        authorizeConditional: jest.fn(async () => [{ result }]),
      };
      const access = new ClusterAccess({
        catalog: catalogServiceMock(),
        permissions: permissions as any,
      });
      const refs = ['a', 'b', 'c'].map(n => `resource:default/${n}`);
      const readable = await access.filterReadable(
        refs,
        mockCredentials.user(),
      );
      expect(readable).toHaveLength(readableCount);
      expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
      expect(permissions.authorize).not.toHaveBeenCalled();
    },
  );

  it('asks per cluster, in batches and in order, when the policy is conditional', async () => {
    const sizes: number[] = [];
    const permissions = {
      authorize: jest.fn(async (requests: Array<{ resourceRef?: string }>) => {
        sizes.push(requests.length);
        if (requests.length > AUTHORIZE_BATCH_SIZE) {
          throw new Error('413 Payload Too Large');
        }
        // Deny every tenth cluster.
        return requests.map(r => ({
          result: r.resourceRef!.endsWith('0')
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        }));
      }),
      authorizeConditional: jest.fn(async () => [
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
        },
      ]),
    };
    const access = new ClusterAccess({
      catalog: catalogServiceMock(),
      permissions: permissions as any,
    });
    const refs = Array.from(
      { length: 1000 },
      (_, i) => `resource:default/cluster-${i}`,
    );
    const readable = await access.filterReadable(refs, mockCredentials.user());
    expect(sizes).toEqual([250, 250, 250, 250]);
    expect(readable).toHaveLength(900);
    expect(readable[0]).toBe('resource:default/cluster-1');
    expect(readable).not.toContain('resource:default/cluster-10');
    expect(readable[899]).toBe('resource:default/cluster-999');
  });
});
