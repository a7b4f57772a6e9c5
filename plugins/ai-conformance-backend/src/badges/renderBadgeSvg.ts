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

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Approximate width of Verdana 11px text, as shields-style badges use. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if ("ilj.,:;|!'".includes(ch)) width += 3.5;
    else if ('mwMW'.includes(ch)) width += 10;
    else if (ch === ' ') width += 3.6;
    else if (ch >= 'A' && ch <= 'Z') width += 8;
    else width += 6.6;
  }
  return Math.ceil(width);
}

/**
 * A shields-style badge: "AI conformance | conformant · gold".
 * Plain SVG 1.1; every text is escaped.
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
  const labelWidth = textWidth(label) + 12;
  const valueWidth = textWidth(value) + 12;
  const width = labelWidth + valueWidth;
  const title = `${label}: ${value}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${escapeXml(
      title,
    )}">`,
    `<title>${escapeXml(title)}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)">`,
    `<rect width="${labelWidth}" height="20" fill="#555"/>`,
    `<rect x="${labelWidth}" width="${valueWidth}" height="20" fill="${COLORS[state]}"/>`,
    `<rect width="${width}" height="20" fill="url(#s)"/>`,
    `</g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="${labelWidth / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${labelWidth + valueWidth / 2}" y="14">${escapeXml(
      value,
    )}</text>`,
    `</g>`,
    `</svg>`,
  ].join('');
}
