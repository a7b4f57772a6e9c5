/** Builders for check outcomes, so every check words the common cases alike. */
import type {
  EvaluationError,
  Evidence,
  Link,
  Remediation,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { CheckContext, CheckOutcome } from '../types';

export interface OutcomeParts {
  evidence?: Evidence[];
  remediation?: Remediation[];
  errors?: EvaluationError[];
  notes?: string[];
  links?: Link[];
  method?: CheckOutcome['method'];
}

export function outcome(
  status: RequirementStatus,
  summary: string,
  parts: OutcomeParts = {},
): CheckOutcome {
  const result: CheckOutcome = {
    status,
    summary,
    method: parts.method ?? 'passive',
    evidence: parts.evidence ?? [],
    remediation: parts.remediation ?? [],
    errors: parts.errors ?? [],
  };
  if (parts.notes?.length) result.notes = parts.notes;
  if (parts.links?.length) result.links = parts.links;
  return result;
}

/** The engine could not look: names what failed and what would let it look. */
export function unknownOutcome(
  errors: EvaluationError[],
  what: string,
  parts: OutcomeParts = {},
): CheckOutcome {
  const seen = new Set<string>();
  const unique = errors.filter(e => {
    const key = `${e.read}|${e.outcome}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const reasons = unique
    .map(e => `${e.read}: ${e.outcome}${e.hint ? ` (${e.hint})` : ''}`)
    .join('; ');
  return outcome('unknown', `Could not determine ${what}: ${reasons}.`, {
    ...parts,
    errors: unique,
  });
}

/** The CNCF validator's stance on N/A for a MUST, shown next to an N/A result. */
export const VALIDATOR_CAVEAT =
  'The CNCF checklist FAQ allows N/A with a justification, but the submission validator rejects N/A on MUST requirements (cncf/k8s-ai-conformance#145); vendors file "Implemented" with a note explaining why the condition does not hold.';

/** A conditional requirement whose condition does not hold. */
export function notApplicable(
  ctx: CheckContext,
  reason: string,
  parts: OutcomeParts = {},
): CheckOutcome {
  const notes = [`Not applicable: ${reason}`, ...(parts.notes ?? [])];
  if (ctx.level === 'MUST') notes.push(VALIDATOR_CAVEAT);
  return outcome('not-applicable', `Not applicable: ${reason}.`, {
    ...parts,
    notes,
  });
}

/** Errors from reads that only add detail: surfaced as notes, never decide the status. */
export function optionalReadNotes(errors: EvaluationError[]): string[] {
  return errors.map(
    e =>
      `Supporting read ${e.read} was not available (${e.outcome}${
        e.hint ? `; ${e.hint}` : ''
      }); the result rests on the other evidence.`,
  );
}
