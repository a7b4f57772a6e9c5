import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  ConformanceReport,
  RequirementStatus,
  RunRecord,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';
import { RegressionNotifier } from './RegressionNotifier';

function run(
  id: string,
  verdict: Verdict,
  statuses: Record<string, RequirementStatus>,
): RunRecord {
  const report: ConformanceReport = {
    schemaVersion: 1,
    requirementsVersion: '1.34',
    generatedAt: '2026-11-28T10:00:00Z',
    verdict,
    cluster: { name: 'gke-ai-prod', platform: 'gke', accelerators: [] },
    requirements: Object.entries(statuses).map(([rid, status]) => ({
      id: rid,
      status,
      level: 'MUST',
      category: 'networking',
      conditional: false,
      title: rid,
      method: 'passive',
      summary: `${rid} ${status}`,
      evidence: [],
      remediation: [],
      errors: [],
    })),
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
  return {
    runId: id,
    entityRef: 'resource:default/gke-ai-prod',
    status: 'succeeded',
    trigger: 'schedule',
    progress: { done: 1, total: 1 },
    createdAt: '2026-11-28T10:00:00Z',
    verdict,
    report,
  };
}

describe('RegressionNotifier', () => {
  const send = jest.fn();
  const notifier = new RegressionNotifier({
    notifications: { send },
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'gke-ai-prod', namespace: 'default' },
          spec: { type: 'kubernetes-cluster', owner: 'ai-platform' },
        },
      ],
    }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });

  beforeEach(() => send.mockReset());

  it('notifies the owner once when a conformant cluster regresses, not on the next run in the same state', async () => {
    const good = run('r1', 'conformant', { ai_inference: 'pass' });
    const bad = run('r2', 'not-conformant', { ai_inference: 'fail' });
    const stillBad = run('r3', 'not-conformant', { ai_inference: 'fail' });

    await notifier.handle({ run: good });
    await notifier.handle({ run: bad, previous: good });
    await notifier.handle({ run: stillBad, previous: bad });

    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['group:default/ai-platform'] },
      payload: {
        title: 'AI Conformance regression on gke-ai-prod',
        description:
          'The cluster was conformant and is now not-conformant. MUST ai_inference now fails: ai_inference fail',
        link: '/catalog/default/resource/gke-ai-prod/ai-conformance',
        severity: 'high',
        topic: 'ai-conformance',
      },
    });
  });

  it('notifies when a MUST turns from pass to fail on a cluster that was already incomplete', async () => {
    const before = run('r1', 'incomplete', {
      ai_inference: 'pass',
      gang_scheduling: 'unknown',
    });
    const after = run('r2', 'not-conformant', {
      ai_inference: 'fail',
      gang_scheduling: 'unknown',
    });
    await notifier.handle({ run: after, previous: before });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0][0].payload).toMatchObject({
      description: 'MUST ai_inference now fails: ai_inference fail',
      severity: 'normal',
    });
  });

  it('stays quiet on improvements, unknowns and failed runs', async () => {
    const bad = run('r1', 'not-conformant', { ai_inference: 'fail' });
    const good = run('r2', 'conformant', { ai_inference: 'pass' });
    const unknown = run('r3', 'incomplete', { ai_inference: 'unknown' });
    await notifier.handle({ run: good, previous: bad });
    await notifier.handle({ run: unknown, previous: unknown });
    await notifier.handle({
      run: { ...bad, status: 'failed', report: undefined },
      previous: good,
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('logs instead of throwing when notifications are not installed', async () => {
    send.mockRejectedValueOnce(new Error('404 Not Found'));
    const good = run('r1', 'conformant', { ai_inference: 'pass' });
    const bad = run('r2', 'not-conformant', { ai_inference: 'fail' });
    await expect(
      notifier.handle({ run: bad, previous: good }),
    ).resolves.toBeUndefined();
  });
});
