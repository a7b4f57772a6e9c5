import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import type {
  ConformanceRunner,
  ConformanceRunOptions,
} from '../service/ConformanceRunner';
import type { ClusterTarget } from '../service/ClusterTarget';

/** A minimal conformant report of cluster `name`. */
export function fakeReport(name: string): ConformanceReport {
  return {
    schemaVersion: 1,
    requirementsVersion: '1.35',
    generatedAt: new Date().toISOString(),
    cluster: { name, platform: 'generic', accelerators: [] },
    verdict: 'conformant',
    requirements: [],
    findings: [],
    stats: { apiRequests: 1, durationMs: 1 },
  };
}

/** What a {@link FakeRunner} does for one cluster. */
export type FakeBehaviour = (
  target: ClusterTarget,
  options: ConformanceRunOptions,
) => Promise<ConformanceReport>;

/** A runner doing `behaviour`, counting the runs at the same time. */
export class FakeRunner implements ConformanceRunner {
  running = 0;
  maxRunning = 0;
  constructor(private readonly behaviour: FakeBehaviour) {}
  evaluateSnapshot = jest.fn();
  evaluateArtifacts = jest.fn();
  async run(target: ClusterTarget, options: ConformanceRunOptions) {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      return await this.behaviour(target, options);
    } finally {
      this.running--;
    }
  }
}
