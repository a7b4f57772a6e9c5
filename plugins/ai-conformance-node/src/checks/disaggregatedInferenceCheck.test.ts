import { disaggregatedInferenceCheck } from './disaggregatedInferenceCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { deployment } from './lib/__testUtils__/objectFactories';

const opts = { level: 'SHOULD' as const, requirementsVersion: '1.36' };
const prefill = deployment('llm', 'qwen-prefill', {
  labels: { 'llm-d.ai/role': 'prefill' },
});
const decode = deployment('llm', 'qwen-decode', {
  labels: { 'llm-d.ai/role': 'decode' },
});

describe('disaggregated_inference', () => {
  it('passes with llm-d prefill and decode deployments', () => {
    const r = run(
      disaggregatedInferenceCheck,
      { reads: { deployments: [prefill, decode, deployment('x', 'web')] } },
      opts,
    );
    expect(r.status).toBe('pass');
    expect(r.evidence.map(e => e.fields?.role).sort()).toEqual([
      'decode',
      'prefill',
    ]);
  });

  it('is partial with only one phase, or with LeaderWorkerSet installed but unused', () => {
    expect(
      run(
        disaggregatedInferenceCheck,
        { reads: { deployments: [prefill] } },
        opts,
      ).status,
    ).toBe('partial');
    const r = run(
      disaggregatedInferenceCheck,
      {
        groups: { 'leaderworkerset.x-k8s.io': { v1: ['leaderworkersets'] } },
        reads: { deployments: [], leaderworkersets: [] },
      },
      opts,
    );
    expect(r.status).toBe('partial');
  });

  it('fails when nothing is found', () => {
    expect(
      run(
        disaggregatedInferenceCheck,
        { reads: { deployments: [deployment('x', 'web')] } },
        opts,
      ).status,
    ).toBe('fail');
  });

  it('is unknown when deployments cannot be listed', () => {
    expect(
      run(
        disaggregatedInferenceCheck,
        {
          reads: {
            deployments: failedRead(
              'forbidden',
              'list apps/v1 deployments',
              403,
            ),
          },
        },
        opts,
      ).status,
    ).toBe('unknown');
  });
});
