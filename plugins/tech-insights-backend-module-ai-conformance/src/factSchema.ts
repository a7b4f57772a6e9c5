import { REQUIREMENTS } from '@ai-conformance/plugin-ai-conformance-common';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';

/**
 * The id under which the facts are stored and checks refer to them.
 *
 * @public
 */
export const AI_CONFORMANCE_FACT_RETRIEVER_ID = 'aiConformanceFactRetriever';

/**
 * Facts of one cluster. Requirement facts are named after the requirement
 * id and are true when it passes or does not apply.
 *
 * @public
 */
export const aiConformanceFactSchema: FactSchema = {
  verdict: {
    type: 'string',
    description:
      'conformant, not-conformant, incomplete, or unchecked when no run is stored',
  },
  conformant: {
    type: 'boolean',
    description: 'The latest run found the cluster AI-conformant',
  },
  requirementsVersion: {
    type: 'string',
    description: 'Checklist version of the latest run, e.g. 1.34',
  },
  mustPassed: {
    type: 'integer',
    description: 'MUST requirements that pass or do not apply',
  },
  mustTotal: { type: 'integer', description: 'MUST requirements checked' },
  shouldPassed: {
    type: 'integer',
    description: 'SHOULD requirements that pass or do not apply',
  },
  shouldTotal: { type: 'integer', description: 'SHOULD requirements checked' },
  level: {
    type: 'string',
    description: 'Scorecard level: none, bronze, silver or gold',
  },
  acceleratorCount: {
    type: 'integer',
    description: 'Accelerators (GPUs, TPUs) the cluster reports as capacity',
  },
  gkeVersionCertified: {
    type: 'boolean',
    description:
      'On GKE: the version is at or above the certified minimum of its minor (false elsewhere)',
  },
  lastCheckedAt: {
    type: 'datetime',
    description: 'When the latest stored run finished',
  },
  ...Object.fromEntries(
    REQUIREMENTS.map(r => [
      r.id,
      {
        type: 'boolean' as const,
        description: `${r.title}: passes or does not apply`,
      },
    ]),
  ),
};
