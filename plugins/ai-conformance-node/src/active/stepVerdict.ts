import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { ActiveCheckResult } from './types';

/** One named step of a check (named after the official subtests where there is one). */
export interface StepOutcome {
  name: string;
  outcome: 'pass' | 'fail' | 'unknown';
  detail: string;
}

/**
 * The check's result from its steps: `fail` when a step failed (the details
 * of the failed steps), else `unknown` when one could not tell, else `pass`.
 * Each step is added to the evidence.
 */
export function verdictOfSteps(
  id: string,
  steps: StepOutcome[],
  evidence: Evidence[],
  text: { failPrefix: string; unknownPrefix: string; pass: string },
): Omit<ActiveCheckResult, 'durationMs'> {
  for (const step of steps) {
    evidence.push({
      description: `${step.name}: ${step.outcome} — ${step.detail}`,
      fields: { step: step.name, outcome: step.outcome },
    });
  }
  const failed = steps.filter(s => s.outcome === 'fail');
  const unknown = steps.filter(s => s.outcome === 'unknown');
  if (failed.length > 0) {
    return {
      id,
      status: 'fail',
      summary: `${text.failPrefix}${failed.map(f => f.detail).join('; ')}.`,
      evidence,
    };
  }
  if (unknown.length > 0) {
    return {
      id,
      status: 'unknown',
      summary: `${text.unknownPrefix}${unknown
        .map(u => `${u.name}: ${u.detail}`)
        .join('; ')}.`,
      evidence,
    };
  }
  return { id, status: 'pass', summary: text.pass, evidence };
}
