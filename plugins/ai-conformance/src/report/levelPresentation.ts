import type { ConformanceLevel } from '@ai-conformance/plugin-ai-conformance-common';

/** How a scorecard level is shown: its words, a medal colour and a sentence. */
export interface LevelPresentation {
  label: string;
  /** Medal tint; undefined for "no level". */
  color?: string;
  description: string;
}

export const LEVEL: Record<ConformanceLevel, LevelPresentation> = {
  gold: {
    label: 'Gold',
    color: '#b8860b',
    description:
      'Conformant, every SHOULD passes or does not apply, checked recently, and on GKE a certified version.',
  },
  silver: {
    label: 'Silver',
    color: '#78909c',
    description: 'Conformant: every MUST requirement passes.',
  },
  bronze: {
    label: 'Bronze',
    color: '#a0522d',
    description: 'No MUST requirement fails, but some are not yet proven.',
  },
  none: {
    label: 'No level',
    description: 'At least one MUST requirement fails.',
  },
};

/** Levels from highest to lowest, the order filters and counts use. */
export const LEVELS_HIGH_TO_LOW: ConformanceLevel[] = [
  'gold',
  'silver',
  'bronze',
  'none',
];
