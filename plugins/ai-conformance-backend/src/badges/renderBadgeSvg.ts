import { makeBadge } from 'badge-maker';
import type {
  ConformanceLevel,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

const COLORS: Record<Verdict | 'unchecked', string> = {
  conformant: '#2e7d32',
  'not-conformant': '#c62828',
  incomplete: '#ef6c00',
  unchecked: '#757575',
};

const LABELS: Record<Verdict | 'unchecked', string> = {
  conformant: 'conformant',
  'not-conformant': 'not conformant',
  incomplete: 'incomplete',
  unchecked: 'not checked',
};

/**
 * A shields-style badge: "AI conformance | conformant · gold", drawn by
 * `badge-maker` (the shields.io renderer: Verdana text widths, every text
 * XML-escaped).
 */
export function renderBadgeSvg(input: {
  verdict: Verdict | null;
  level?: ConformanceLevel;
  requirementsVersion?: string | null;
}): string {
  const state = input.verdict ?? 'unchecked';
  const label = input.requirementsVersion
    ? `AI conformance v${input.requirementsVersion}`
    : 'AI conformance';
  const value =
    input.verdict && input.level && input.level !== 'none'
      ? `${LABELS[state]} · ${input.level}`
      : LABELS[state];
  return makeBadge({ label, message: value, color: COLORS[state] });
}
