import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  computeConformanceLevel,
  type GoldLevelRules,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ConformanceStore } from '../database/ConformanceStore';
import type { ClusterAccess } from '../service/ClusterAccess';
import { renderBadgeSvg } from './renderBadgeSvg';

/**
 * The badge of one cluster. With `publicBadges` a badge needs no caller
 * credentials (only the verdict and level are shown, and only for entities
 * that exist); otherwise it needs `ai-conformance.report.read`.
 */
export class BadgeService {
  constructor(
    private readonly deps: {
      access: ClusterAccess;
      store: ConformanceStore;
      auth: AuthService;
      publicBadges: boolean;
      goldRules?: Partial<GoldLevelRules>;
    },
  ) {}

  get publicBadges(): boolean {
    return this.deps.publicBadges;
  }

  async renderBadge(
    namespace: string,
    name: string,
    credentials: BackstageCredentials | undefined,
  ): Promise<string> {
    const { access, store, auth } = this.deps;
    const ref = access.entityRef(namespace, name);
    if (this.deps.publicBadges) {
      await access.requireEntity(ref, await auth.getOwnServiceCredentials());
    } else {
      if (!credentials) throw new Error('credentials are required');
      await access.requireEntity(ref, credentials);
      await access.authorizeRead(ref, credentials);
    }
    const latest = await store.getLatestSucceeded(ref);
    const report = latest?.report;
    if (!report) return renderBadgeSvg({ verdict: null });
    const { level } = computeConformanceLevel(report, {
      checkedAt: latest.finishedAt ?? report.generatedAt,
      rules: this.deps.goldRules,
    });
    return renderBadgeSvg({
      verdict: report.verdict,
      level,
      requirementsVersion: report.requirementsVersion,
    });
  }
}
