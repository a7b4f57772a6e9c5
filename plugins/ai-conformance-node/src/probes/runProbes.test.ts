import { classifyDryRun } from './runProbes';
import { PROBE_DEFINITIONS } from './probeDefinitions';

const status = (code: number, message: string) =>
  JSON.stringify({ kind: 'Status', code, message });

describe('classifyDryRun', () => {
  it('treats a webhook denial as rejected and success as accepted', () => {
    expect(
      classifyDryRun(
        422,
        status(
          422,
          'admission webhook "vraycluster.kb.io" denied the request: headGroupSpec is required',
        ),
      ),
    ).toMatchObject({ outcome: 'rejected' });
    expect(classifyDryRun(201, '{}')).toMatchObject({ outcome: 'accepted' });
  });

  it('does not count schema rejections, unreachable webhooks or RBAC as webhook proof', () => {
    expect(
      classifyDryRun(422, status(422, 'spec.predictor: Required value')),
    ).toMatchObject({
      outcome: 'error',
      message: expect.stringContaining('inconclusive'),
    });
    expect(
      classifyDryRun(
        500,
        status(
          500,
          'Internal error occurred: failed calling webhook "x": connection refused',
        ),
      ),
    ).toMatchObject({
      outcome: 'error',
      message: expect.stringContaining('could not be called'),
    });
    expect(classifyDryRun(403, status(403, 'forbidden'))).toMatchObject({
      outcome: 'forbidden',
    });
  });
});

describe('PROBE_DEFINITIONS', () => {
  it('covers the operators robust_controller recognises, one id per group', () => {
    expect(PROBE_DEFINITIONS.map(p => p.id)).toEqual([
      'robust_controller:ray.io',
      'robust_controller:trainer.kubeflow.org',
      'robust_controller:kubeflow.org',
      'robust_controller:serving.kserve.io',
      'robust_controller:leaderworkerset.x-k8s.io',
      'robust_controller:jobset.x-k8s.io',
    ]);
    for (const p of PROBE_DEFINITIONS) {
      expect(p.build('v1')).toMatchObject({
        apiVersion: `${p.group}/v1`,
        kind: p.kind,
        metadata: { namespace: 'default' },
      });
    }
  });
});
