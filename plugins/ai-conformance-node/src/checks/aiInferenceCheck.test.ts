import { aiInferenceCheck } from './aiInferenceCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { crd, gatewayClass } from './lib/__testUtils__/objectFactories';

const GW = {
  'gateway.networking.k8s.io': {
    v1: ['gatewayclasses', 'gateways', 'httproutes', 'grpcroutes'],
  },
};
const bundle = crd('gateway.networking.k8s.io', 'httproutes', {
  annotations: { 'gateway.networking.k8s.io/bundle-version': 'v1.4.0' },
});

describe('ai_inference', () => {
  it('passes with an Accepted GatewayClass and cites the bundle version', () => {
    const r = run(aiInferenceCheck, {
      groups: GW,
      reads: {
        gatewayclasses: [
          gatewayClass('gke-l7-rilb'),
          gatewayClass('broken', false),
        ],
        crds: [bundle],
      },
    });
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('gke-l7-rilb');
    expect(r.summary).not.toContain('broken');
    expect(
      r.evidence.some(
        e =>
          e.fields?.[
            'metadata.annotations[gateway.networking.k8s.io/bundle-version]'
          ] === 'v1.4.0',
      ),
    ).toBe(true);
    const cls = r.evidence.find(e => e.object?.kind === 'GatewayClass');
    expect(cls?.fields?.['status.conditions[Accepted]']).toBe('True');
  });

  it('still passes when the CRD read is forbidden, noting it', () => {
    const r = run(aiInferenceCheck, {
      groups: GW,
      reads: {
        gatewayclasses: [gatewayClass('eg')],
        crds: failedRead('forbidden', 'list customresourcedefinitions', 403),
      },
    });
    expect(r.status).toBe('pass');
    expect(r.notes?.join(' ')).toContain('customresourcedefinitions');
  });

  it('fails when no GatewayClass is Accepted', () => {
    const r = run(aiInferenceCheck, {
      groups: GW,
      reads: { gatewayclasses: [gatewayClass('x', false)] },
    });
    expect(r.status).toBe('fail');
    expect(
      r.evidence.some(
        e => e.fields?.['status.conditions[Accepted]'] === 'False',
      ),
    ).toBe(true);
  });

  it('fails without any GatewayClass, noting the GKE delay on GKE', () => {
    const r = run(
      aiInferenceCheck,
      { groups: GW, reads: { gatewayclasses: [] } },
      { platform: 'gke' },
    );
    expect(r.status).toBe('fail');
    expect(r.notes?.join(' ')).toContain('few minutes');
  });

  it('fails when the Gateway API is not installed', () => {
    const r = run(aiInferenceCheck, { groups: {} }, { platform: 'gke' });
    expect(r.status).toBe('fail');
    expect(r.remediation[0].platform).toBe('gke');
    expect(r.remediation[0].command).toContain('--gateway-api=standard');
  });

  it('is partial when httproutes are not served', () => {
    const r = run(aiInferenceCheck, {
      groups: {
        'gateway.networking.k8s.io': { v1: ['gatewayclasses', 'gateways'] },
      },
      reads: { gatewayclasses: [gatewayClass('eg')] },
    });
    expect(r.status).toBe('partial');
  });

  it('is unknown when GatewayClasses cannot be listed', () => {
    const r = run(aiInferenceCheck, {
      groups: GW,
      reads: {
        gatewayclasses: failedRead(
          'forbidden',
          'list gateway.networking.k8s.io/v1 gatewayclasses',
          403,
        ),
      },
    });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].hint).toBe(
      'needs list on gatewayclasses.gateway.networking.k8s.io',
    );
  });
});
