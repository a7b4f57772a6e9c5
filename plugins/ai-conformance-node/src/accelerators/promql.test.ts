import { escapeLabelValue, vectorSelector } from './promql';

describe('escapeLabelValue', () => {
  it('escapes backslashes, quotes and newlines', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });
});

describe('vectorSelector', () => {
  it('builds a selector with sorted, escaped matchers', () => {
    expect(
      vectorSelector('DCGM_FI_DEV_GPU_UTIL', {
        namespace: 'gke-managed-system',
        cluster: 'prod"} or up{x="',
      }),
    ).toBe(
      'DCGM_FI_DEV_GPU_UTIL{cluster="prod\\"} or up{x=\\"",namespace="gke-managed-system"}',
    );
    expect(vectorSelector('up')).toBe('up');
  });

  it('rejects invalid metric and label names', () => {
    expect(() => vectorSelector('up{}')).toThrow('Invalid metric name');
    expect(() => vectorSelector('up', { 'bad-name': 'x' })).toThrow(
      'Invalid label name',
    );
    expect(() => vectorSelector('up', { __name__: 'x' })).toThrow(
      'Invalid label name',
    );
  });
});
