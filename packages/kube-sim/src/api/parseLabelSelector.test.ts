import { parseLabelSelector } from './parseLabelSelector';
import { StatusError } from './StatusError';

describe('parseLabelSelector', () => {
  const gpu = {
    'cloud.google.com/gke-accelerator': 'nvidia-l4',
    'cloud.google.com/gke-nodepool': 'l4-pool',
    count: '4',
  };
  const cpu = { 'cloud.google.com/gke-nodepool': 'default-pool', count: '1' };

  it.each([
    ['cloud.google.com/gke-accelerator=nvidia-l4', true, false],
    ['cloud.google.com/gke-accelerator==nvidia-l4', true, false],
    ['cloud.google.com/gke-accelerator!=nvidia-l4', false, true],
    ['cloud.google.com/gke-nodepool in (l4-pool, a100-pool)', true, false],
    ['cloud.google.com/gke-nodepool notin (l4-pool)', false, true],
    ['cloud.google.com/gke-accelerator', true, false],
    ['!cloud.google.com/gke-accelerator', false, true],
    ['count>2', true, false],
    ['count<2', false, true],
    [
      'cloud.google.com/gke-nodepool in (l4-pool,default-pool),count!=1',
      true,
      false,
    ],
    ['', true, true],
  ])('%s', (selector, matchesGpu, matchesCpu) => {
    const match = parseLabelSelector(selector);
    expect(match(gpu)).toBe(matchesGpu);
    expect(match(cpu)).toBe(matchesCpu);
  });

  it('treats missing labels as not matching equality and matching inequality', () => {
    expect(parseLabelSelector('a=b')(undefined)).toBe(false);
    expect(parseLabelSelector('a!=b')(undefined)).toBe(true);
  });

  it.each(['a=b=c', 'in (x)', 'a in x', 'a=-bad-'])(
    'rejects %s with a 400',
    selector => {
      let error: unknown;
      try {
        parseLabelSelector(selector);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StatusError);
      expect((error as StatusError).code).toBe(400);
    },
  );
});
