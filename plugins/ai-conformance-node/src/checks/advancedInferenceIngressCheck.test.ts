import { advancedInferenceIngressCheck } from './advancedInferenceIngressCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { custom } from './lib/__testUtils__/objectFactories';

const GROUPS = {
  'inference.networking.k8s.io': { v1: ['inferencepools'] },
  'gateway.networking.k8s.io': { v1: ['httproutes'] },
};
const pool = custom('inference.networking.k8s.io/v1', 'InferencePool', 'vllm', {
  metadata: { name: 'vllm', namespace: 'ai' },
});
const route = custom('gateway.networking.k8s.io/v1', 'HTTPRoute', 'llm', {
  metadata: { name: 'llm', namespace: 'ai' },
  spec: {
    rules: [
      {
        backendRefs: [
          {
            group: 'inference.networking.k8s.io',
            kind: 'InferencePool',
            name: 'vllm',
          },
        ],
      },
    ],
  },
});
const opts = { level: 'SHOULD' as const, requirementsVersion: '1.36' };

describe('advanced_inference_ingress', () => {
  it('passes with an InferencePool behind an HTTPRoute', () => {
    const r = run(
      advancedInferenceIngressCheck,
      {
        groups: GROUPS,
        reads: { inferencepools: [pool], httproutes: [route] },
      },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence.some(e => e.object?.kind === 'HTTPRoute')).toBe(true);
  });

  it('is partial when pools exist but no route uses them', () => {
    const r = run(
      advancedInferenceIngressCheck,
      { groups: GROUPS, reads: { inferencepools: [pool], httproutes: [] } },
      opts,
    );
    expect(r.status).toBe('partial');
  });

  it('is partial when the API is installed without pools', () => {
    const r = run(
      advancedInferenceIngressCheck,
      { groups: GROUPS, reads: { inferencepools: [], httproutes: [route] } },
      opts,
    );
    expect(r.status).toBe('partial');
  });

  it('fails when no InferencePool API is served', () => {
    expect(
      run(advancedInferenceIngressCheck, { groups: {} }, opts).status,
    ).toBe('fail');
  });

  it('is unknown when InferencePools cannot be listed', () => {
    const r = run(
      advancedInferenceIngressCheck,
      {
        groups: GROUPS,
        reads: {
          inferencepools: failedRead('forbidden', 'list inferencepools', 403),
          httproutes: [],
        },
      },
      opts,
    );
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toContain(
      'inferencepools.inference.networking.k8s.io',
    );
  });
});
