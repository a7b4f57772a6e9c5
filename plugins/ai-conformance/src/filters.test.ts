import { isAiConformanceAvailable } from './filters';

describe('isAiConformanceAvailable', () => {
  const entity = (kind: string, type: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x' },
    spec: { type },
  });

  it('accepts kubernetes-cluster resources', () => {
    expect(
      isAiConformanceAvailable(entity('Resource', 'kubernetes-cluster')),
    ).toBe(true);
  });

  it('rejects other resources and components', () => {
    expect(isAiConformanceAvailable(entity('Resource', 'database'))).toBe(
      false,
    );
    expect(
      isAiConformanceAvailable(entity('Component', 'kubernetes-cluster')),
    ).toBe(false);
  });
});
