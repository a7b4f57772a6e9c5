import type {
  ClusterInfo,
  ConformanceReport,
  RequirementResult,
} from '../types';
import { isMet } from '../results/reportSummary';
import { gkeCertification } from '../versions/gkeCertification';

/**
 * Scorecard levels, lowest to highest. `none` means a MUST fails.
 * @public
 */
export type ConformanceLevel = 'none' | 'bronze' | 'silver' | 'gold';

/** @public */
export const CONFORMANCE_LEVELS: readonly ConformanceLevel[] = [
  'none',
  'bronze',
  'silver',
  'gold',
];

/**
 * What gold asks beyond a conformant verdict. Configurable through
 * `aiConformance.levels.gold`.
 * @public
 */
export interface GoldLevelRules {
  /** Every SHOULD of the checklist passes or is not applicable (default true). */
  requireAllShould: boolean;
  /** The last check is at most this many days old (default 7). */
  maxAgeDays: number;
  /** On GKE, the cluster runs a certified version (default true). */
  requireCertifiedGkeVersion: boolean;
}

/** @public */
export const DEFAULT_GOLD_LEVEL_RULES: GoldLevelRules = {
  requireAllShould: true,
  maxAgeDays: 7,
  requireCertifiedGkeVersion: true,
};

/** @public */
export interface ConformanceLevelResult {
  level: ConformanceLevel;
  /** Why the cluster is not one level higher (empty at gold). */
  missing: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scorecard level of a report:
 * - bronze: no MUST fails;
 * - silver: conformant;
 * - gold: conformant, every SHOULD passes or is not applicable, checked
 *   within the last `maxAgeDays`, and on GKE a certified version.
 * @public
 */
export function computeConformanceLevel(
  report: Pick<ConformanceReport, 'verdict'> & {
    requirements: ReadonlyArray<
      Pick<RequirementResult, 'id' | 'level' | 'status'>
    >;
    cluster: Pick<ClusterInfo, 'platform' | 'kubernetesVersion'>;
  },
  options: {
    checkedAt: string | Date;
    now?: Date;
    rules?: Partial<GoldLevelRules>;
  },
): ConformanceLevelResult {
  const rules = { ...DEFAULT_GOLD_LEVEL_RULES, ...options.rules };
  const failingMusts = report.requirements
    .filter(r => r.level === 'MUST' && r.status === 'fail')
    .map(r => r.id);
  if (failingMusts.length > 0) {
    return {
      level: 'none',
      missing: [`MUST requirements fail: ${failingMusts.join(', ')}`],
    };
  }
  if (report.verdict !== 'conformant') {
    const open = report.requirements
      .filter(r => r.level === 'MUST' && !isMet(r.status))
      .map(r => `${r.id} (${r.status})`);
    return {
      level: 'bronze',
      missing: [`MUST requirements not yet proven: ${open.join(', ')}`],
    };
  }
  const missing: string[] = [];
  if (rules.requireAllShould) {
    const shoulds = report.requirements
      .filter(r => r.level === 'SHOULD' && !isMet(r.status))
      .map(r => `${r.id} (${r.status})`);
    if (shoulds.length > 0) {
      missing.push(`SHOULD requirements not met: ${shoulds.join(', ')}`);
    }
  }
  const now = options.now ?? new Date();
  const ageMs = now.getTime() - new Date(options.checkedAt).getTime();
  if (!(ageMs <= rules.maxAgeDays * DAY_MS)) {
    missing.push(`last checked more than ${rules.maxAgeDays} days ago`);
  }
  if (rules.requireCertifiedGkeVersion && report.cluster.platform === 'gke') {
    const cert = gkeCertification(report.cluster.kubernetesVersion ?? '');
    if (cert.status !== 'certified') {
      missing.push(
        cert.minimum
          ? `GKE version ${report.cluster.kubernetesVersion} is not certified (minimum ${cert.minimum})`
          : `GKE version ${
              report.cluster.kubernetesVersion ?? 'unknown'
            } is not on a certified minor`,
      );
    }
  }
  return missing.length
    ? { level: 'silver', missing }
    : { level: 'gold', missing: [] };
}
