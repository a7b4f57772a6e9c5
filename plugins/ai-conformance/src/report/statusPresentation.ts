import type {
  RequirementStatus,
  Verdict,
} from '@ai-conformance/plugin-ai-conformance-common';

/** How a status is shown: its words and its tone (mapped to theme colours). */
export interface StatusPresentation {
  label: string;
  tone: 'success' | 'error' | 'warning' | 'neutral' | 'info';
  /** A sentence for screen readers and tooltips. */
  description: string;
}

export const REQUIREMENT_STATUS: Record<RequirementStatus, StatusPresentation> =
  {
    pass: {
      label: 'Pass',
      tone: 'success',
      description: 'Evidence shows the requirement is met.',
    },
    fail: {
      label: 'Fail',
      tone: 'error',
      description: 'The cluster was inspected and the requirement is not met.',
    },
    partial: {
      label: 'Partial',
      tone: 'warning',
      description: 'Some but not all of the required evidence was found.',
    },
    'not-applicable': {
      label: 'Not applicable',
      tone: 'neutral',
      description: 'A conditional requirement whose condition does not hold.',
    },
    unknown: {
      label: 'Unknown',
      tone: 'info',
      description:
        'The check could not look (forbidden, unavailable or timed out).',
    },
  };

export const VERDICT: Record<Verdict, StatusPresentation> = {
  conformant: {
    label: 'Conformant',
    tone: 'success',
    description: 'Every MUST requirement passes.',
  },
  'not-conformant': {
    label: 'Not conformant',
    tone: 'error',
    description: 'At least one MUST requirement fails.',
  },
  incomplete: {
    label: 'Incomplete',
    tone: 'warning',
    description:
      'No MUST requirement fails, but at least one could not be fully established.',
  },
};

/** Presentation of a status string that may come from an older or newer backend. */
export function requirementStatusOf(status: string): StatusPresentation {
  return (
    REQUIREMENT_STATUS[status as RequirementStatus] ?? {
      label: status,
      tone: 'neutral',
      description: status,
    }
  );
}

export const CATEGORY_TITLES: Record<string, string> = {
  accelerators: 'Accelerators',
  networking: 'Networking',
  schedulingOrchestration: 'Scheduling and orchestration',
  observability: 'Observability',
  security: 'Security',
  operator: 'Operators',
};

export const PLATFORM_TITLES: Record<string, string> = {
  gke: 'GKE',
  eks: 'EKS',
  aks: 'AKS',
  openshift: 'OpenShift',
  oke: 'OKE',
  ack: 'ACK',
  cce: 'CCE',
  lke: 'LKE',
  coreweave: 'CoreWeave CKS',
  vks: 'VKS',
  gardener: 'Gardener',
  kops: 'kOps',
  rke2: 'RKE2',
  k3s: 'K3s',
  talos: 'Talos',
  generic: 'Kubernetes',
};
