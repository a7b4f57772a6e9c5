import type { RequirementResult } from '../types';

/**
 * One line explaining a result: the summary plus the reasons behind it.
 *
 * @public
 */
export function reasonText(r: RequirementResult): string {
  const parts = [r.summary];
  for (const e of r.errors) {
    parts.push(
      `${e.read}: ${e.outcome}${e.message ? ` (${e.message})` : ''}${
        e.hint ? `; ${e.hint}` : ''
      }`,
    );
  }
  return parts.join(' — ');
}

/**
 * Multi-line details: evidence, errors, remediation and notes.
 *
 * @public
 */
export function detailText(r: RequirementResult): string {
  const lines: string[] = [`${r.title}: ${r.summary}`];
  for (const e of r.evidence) {
    lines.push(`evidence: ${e.description}${e.url ? ` <${e.url}>` : ''}`);
  }
  for (const e of r.errors) {
    lines.push(
      `error: ${e.read}: ${e.outcome} ${e.message}${
        e.hint ? ` (${e.hint})` : ''
      }`,
    );
  }
  for (const m of r.remediation) {
    lines.push(
      `remediation: ${m.description}${m.command ? `: ${m.command}` : ''}`,
    );
  }
  for (const n of r.notes ?? []) lines.push(`note: ${n}`);
  return lines.join('\n');
}
