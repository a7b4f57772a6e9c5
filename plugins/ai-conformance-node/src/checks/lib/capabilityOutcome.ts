/**
 * The outcome of a capability provided by one of several components
 * (gang scheduling, workload monitoring): the best-graded component
 * decides; absence is a fail only when every read that could show one
 * answered.
 */
import type {
  Remediation,
  Link,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { DeclaredCapability } from '../../solutions/declaredSolutions';
import type { CheckContext, CheckOutcome } from '../types';
import {
  type KnownComponent,
  assessComponent,
  byGrade,
  candidateLabel,
  findCandidates,
  hasAnyKind,
} from './capabilities';
import { componentInputs } from './components';
import { optionalReadNotes, outcome, unknownOutcome } from './outcomes';

export function capabilityOutcome(
  ctx: CheckContext,
  opts: {
    capability: DeclaredCapability;
    known: KnownComponent[];
    kinds: string[];
    /** e.g. "gang scheduler", "monitoring system that discovers scrape targets". */
    noun: string;
    remediation: Remediation[];
    links: Link[];
  },
): CheckOutcome {
  const { remediation, links } = opts;
  const inputs = componentInputs(ctx);
  const candidates = findCandidates(ctx, inputs, {
    capability: opts.capability,
    known: opts.known,
    shape: (_group, names) => hasAnyKind(names, opts.kinds),
  });
  const notes = [...inputs.notes];
  if (inputs.errors.crds)
    notes.push(...optionalReadNotes([inputs.errors.crds]));
  const shapeKinds = opts.kinds.filter(k => /^[A-Z]/.test(k)).join(', ');
  if (!candidates.length) {
    const controllerOnly = opts.known.filter(k => !k.groups.length);
    if (!inputs.workloads && controllerOnly.length) {
      notes.push(
        `${controllerOnly
          .map(k => k.name)
          .join(
            ', ',
          )} (no API group of its own) could not be looked for: workloads could not be read.`,
      );
    }
    return outcome(
      'fail',
      `No ${
        opts.noun
      } is installed: no served API group has ${shapeKinds} resources (known products looked for: ${opts.known
        .map(k => k.name)
        .join(', ')}).`,
      {
        remediation,
        links,
        notes,
        evidence: [
          {
            description: `Looked at ${ctx.snapshot.discovery.groups.length} served API group(s) for ${shapeKinds}`,
            fields: { kinds: shapeKinds },
          },
        ],
      },
    );
  }
  const assessed = candidates
    .map(c => assessComponent(ctx, inputs, c, { requireWebhook: false }))
    .sort(byGrade);
  const best = assessed[0];
  const evidence = assessed.flatMap(a => a.evidence);
  notes.push(
    ...assessed
      .slice(1)
      .map(a => `${candidateLabel(a.candidate)}: ${a.grade} (${a.reason}).`),
  );
  if (best.grade === 'unknown') {
    return unknownOutcome(
      best.errors,
      `whether ${candidateLabel(best.candidate)} is running`,
      { evidence, remediation, links, notes },
    );
  }
  const running = assessed.filter(a => a.grade === 'pass');
  const summary =
    best.grade === 'pass'
      ? `${running
          .map(a => `${candidateLabel(a.candidate)}: ${a.reason}`)
          .join('; ')}.`
      : `${candidateLabel(best.candidate)}: ${best.reason}.`;
  return outcome(best.grade, summary, {
    evidence,
    remediation: best.grade === 'pass' ? [] : remediation,
    links,
    notes,
  });
}
