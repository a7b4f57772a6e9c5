import {
  type CertifiedVersions,
  ChecklistRequirement,
  computeVerdict,
  ConformanceReport,
  Finding,
  getChecklist,
  Link,
  notApplicableCaveat,
  RequirementResult,
  RequirementStatus,
  selectRequirementsVersion,
} from '@ai-conformance/plugin-ai-conformance-common';
import { InputError } from '@backstage/errors';
import { mergeArtifactResults } from '../artifacts/mergeArtifactResults';
import type { ArtifactResults } from '../artifacts/types';
import { allChecks } from '../checks';
import type { Check, CheckOutcome } from '../checks/types';
import { ClusterSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../snapshot/types';
import {
  certifiedPlatformFinding,
  collectionFindings,
  gkeVersionFinding,
} from './clusterFindings';
import { createCheckContext } from './createCheckContext';
import { detectPlatform } from './detectPlatform';
import { summarizeAccelerators } from './summarizeAccelerators';
import type { DeclaredSolution } from '../solutions/declaredSolutions';

/** @public */
export interface EvaluateOptions {
  /** Checklist version ('1.34'); default follows the cluster's minor. */
  requirementsVersion?: string;
  /** Checks to run; default allChecks. */
  checks?: Check[];
  /** Official-suite results to merge (method `artifact`). */
  artifacts?: ArtifactResults | ArtifactResults[];
  /**
   * Components the site declared (`aiConformance.solutions`, `--solutions`):
   * checked like known ones and labelled "declared" in the evidence.
   */
  solutions?: readonly DeclaredSolution[];
  /**
   * Certified platform versions read from the CNCF repository
   * (`loadCertifiedVersions`): the findings name the submission the cluster
   * is measured against.
   */
  certifiedVersions?: CertifiedVersions;
}

const STATUSES: RequirementStatus[] = [
  'pass',
  'fail',
  'partial',
  'not-applicable',
  'unknown',
];

function mergeLinks(a: Link[], b: Link[] | undefined): Link[] {
  const seen = new Set(a.map(l => l.url));
  return [...a, ...(b ?? []).filter(l => !seen.has(l.url))];
}

function unknownResult(
  req: ChecklistRequirement,
  summary: string,
  message: string,
): RequirementResult {
  return {
    id: req.id,
    category: req.category,
    level: req.level,
    conditional: req.conditional,
    title: req.title,
    status: 'unknown',
    method: 'passive',
    summary,
    evidence: [],
    remediation: [],
    errors: [{ read: 'check', outcome: 'error', message }],
    links: req.links,
  };
}

function toResult(
  req: ChecklistRequirement,
  outcome: CheckOutcome,
): RequirementResult {
  const notes = [...(outcome.notes ?? [])];
  if (
    outcome.status === 'not-applicable' &&
    req.level === 'MUST' &&
    !notes.some(n => /validator/i.test(n))
  ) {
    notes.push(notApplicableCaveat(req.level));
  }
  const result: RequirementResult = {
    id: req.id,
    category: req.category,
    level: req.level,
    conditional: req.conditional,
    title: req.title,
    status: outcome.status,
    method: outcome.method ?? 'passive',
    summary: outcome.summary,
    evidence: outcome.evidence ?? [],
    remediation: outcome.remediation ?? [],
    errors: outcome.errors ?? [],
    links: mergeLinks(req.links, outcome.links),
  };
  if (notes.length) result.notes = notes;
  return result;
}

function runCheck(
  check: Check,
  req: ChecklistRequirement,
  ctx: Parameters<Check['evaluate']>[0],
) {
  try {
    const outcome = check.evaluate(ctx);
    if (!outcome || !STATUSES.includes(outcome.status)) {
      return {
        result: unknownResult(
          req,
          'The check returned no valid status.',
          `check ${check.id} returned status "${outcome?.status}"`,
        ),
      };
    }
    return { result: toResult(req, outcome), findings: outcome.findings ?? [] };
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    return {
      result: unknownResult(
        req,
        `The check failed with an error: ${message}`,
        message,
      ),
    };
  }
}

/**
 * Evaluates a snapshot against a checklist version. Pure: the same
 * snapshot gives the same report wherever it is evaluated (`generatedAt`
 * is the snapshot's collection time). Requirements without a check, and
 * checks that throw, are `unknown`.
 *
 * @public
 */
export function evaluate(
  snapshot: ClusterSnapshot,
  options: EvaluateOptions = {},
): ConformanceReport {
  if (snapshot?.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    throw new InputError(
      `Unsupported snapshot schemaVersion ${String(
        snapshot?.schemaVersion,
      )}; expected ${SNAPSHOT_SCHEMA_VERSION}`,
    );
  }
  const checks = options.checks ?? allChecks;
  const gitVersion = snapshot.version.info?.gitVersion;
  const choice = selectRequirementsVersion(
    gitVersion,
    options.requirementsVersion,
  );
  const checklist = getChecklist(choice.version);
  const platform = detectPlatform(snapshot);

  const findings: Finding[] = [
    choice.finding ?? {
      id: 'checklist-version',
      severity: 'info',
      summary: `Evaluated against checklist v${checklist.version}, the cluster's minor.`,
    },
  ];
  const gke = gkeVersionFinding(snapshot, platform, options.certifiedVersions);
  if (gke) findings.push(gke);
  const certified = certifiedPlatformFinding(
    snapshot,
    platform,
    checklist.version,
    options.certifiedVersions,
  );
  if (certified) findings.push(certified);
  findings.push(...collectionFindings(snapshot));

  const requirements: RequirementResult[] = [];
  for (const req of checklist.requirements) {
    const check = checks.find(c => c.id === req.id);
    if (!check) {
      requirements.push(
        unknownResult(
          req,
          'No check is implemented for this requirement.',
          'no check implemented',
        ),
      );
      continue;
    }
    const ctx = createCheckContext({
      snapshot,
      platform,
      requirementsVersion: checklist.version,
      level: req.level,
      solutions: options.solutions,
    });
    const { result, findings: extra } = runCheck(check, req, ctx);
    requirements.push(result);
    for (const f of extra ?? []) {
      if (!findings.some(x => x.id === f.id)) findings.push(f);
    }
  }

  const nodes = snapshot.reads.nodes;
  const nodeItems = nodes?.outcome === 'ok' ? nodes.items ?? [] : undefined;
  const report: ConformanceReport = {
    schemaVersion: 1,
    requirementsVersion: checklist.version,
    generatedAt: snapshot.collectedAt,
    cluster: {
      name: snapshot.cluster.name,
      ...(snapshot.cluster.server ? { server: snapshot.cluster.server } : {}),
      ...(gitVersion ? { kubernetesVersion: gitVersion } : {}),
      platform,
      ...(nodeItems ? { nodeCount: nodeItems.length } : {}),
      accelerators: summarizeAccelerators(nodeItems ?? []),
    },
    verdict: computeVerdict(requirements),
    requirements,
    findings,
    stats: {
      apiRequests: snapshot.stats.apiRequests,
      durationMs: snapshot.stats.durationMs,
      waves: snapshot.stats.waves,
    },
  };
  return options.artifacts
    ? mergeArtifactResults(report, options.artifacts)
    : report;
}
