import type { KubeObject } from '../types';
import { parseFieldSelector } from './parseFieldSelector';
import { StatusError } from './StatusError';

const pod = (
  name: string,
  namespace: string,
  nodeName: string,
  phase: string,
): KubeObject => ({
  metadata: { name, namespace },
  spec: { nodeName },
  status: { phase },
});

describe('parseFieldSelector', () => {
  const running = pod('a', 'ml', 'node-1', 'Running');
  const pending = pod('b', 'web', 'node-2', 'Pending');

  it.each([
    ['metadata.name=a', true, false],
    ['metadata.namespace==web', false, true],
    ['spec.nodeName=node-1', true, false],
    ['status.phase!=Running', false, true],
    ['status.phase=Running,spec.nodeName=node-1', true, false],
  ])('%s', (selector, matchesRunning, matchesPending) => {
    const match = parseFieldSelector(selector, 'pods');
    expect(match(running)).toBe(matchesRunning);
    expect(match(pending)).toBe(matchesPending);
  });

  it('rejects fields the resource does not index', () => {
    expect(() => parseFieldSelector('spec.nodeName=x', 'nodes')).toThrow(
      'field label not supported: spec.nodeName',
    );
    const error = (() => {
      try {
        parseFieldSelector('status.phase', 'pods');
        return undefined;
      } catch (e) {
        return e as StatusError;
      }
    })();
    expect(error?.code).toBe(400);
  });
});
