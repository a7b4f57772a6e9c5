import { draSupportCheck } from './draSupportCheck';
import { failedRead, run } from './lib/__testUtils__/snapshotFixture';
import { resourceSlice } from './lib/__testUtils__/objectFactories';

const ALL = [
  'deviceclasses',
  'resourceclaims',
  'resourceclaimtemplates',
  'resourceslices',
];

describe('dra_support', () => {
  it('passes when resource.k8s.io/v1 serves the four DRA resources, naming drivers', () => {
    const r = run(draSupportCheck, {
      groups: { 'resource.k8s.io': { v1: ALL } },
      reads: {
        deviceclasses: [],
        resourceslices: [resourceSlice('s1', 'gpu.nvidia.com', 'n1')],
      },
    });
    expect(r.status).toBe('pass');
    expect(r.summary).toContain('gpu.nvidia.com');
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it('fails when only beta is served for a 1.34 checklist, but passes for 1.33', () => {
    const fixture = { groups: { 'resource.k8s.io': { v1beta1: ALL } } };
    const r = run(draSupportCheck, fixture);
    expect(r.status).toBe('fail');
    expect(r.summary).toContain('v1beta1');
    expect(
      run(draSupportCheck, fixture, {
        requirementsVersion: '1.33',
        level: 'SHOULD',
      }).status,
    ).toBe('pass');
  });

  it('is partial when a DRA resource is missing', () => {
    const r = run(draSupportCheck, {
      groups: { 'resource.k8s.io': { v1: ['deviceclasses'] } },
    });
    expect(r.status).toBe('partial');
    expect(r.summary).toContain('resourceclaims');
  });

  it('still passes from discovery when DeviceClasses cannot be listed, noting it', () => {
    const r = run(draSupportCheck, {
      groups: { 'resource.k8s.io': { v1: ALL } },
      reads: {
        deviceclasses: failedRead(
          'forbidden',
          'list resource.k8s.io/v1 deviceclasses',
          403,
        ),
        resourceslices: [],
      },
    });
    expect(r.status).toBe('pass');
    expect(r.notes?.join(' ')).toContain(
      'needs list on deviceclasses.resource.k8s.io',
    );
  });

  it('fails when the group is not served', () => {
    const r = run(draSupportCheck, { groups: {} });
    expect(r.status).toBe('fail');
    expect(r.remediation.length).toBeGreaterThan(0);
  });

  it('is unknown when discovery failed', () => {
    const r = run(draSupportCheck, { discoveryOutcome: 'timeout' });
    expect(r.status).toBe('unknown');
    expect(r.errors[0].outcome).toBe('timeout');
  });
});
