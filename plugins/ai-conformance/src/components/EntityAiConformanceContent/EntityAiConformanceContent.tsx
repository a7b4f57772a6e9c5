import { EmptyState } from '@backstage/core-components';

/** The "AI Conformance" tab of a cluster entity. */
export const EntityAiConformanceContent = () => (
  <EmptyState
    missing="data"
    title="No AI Conformance results yet"
    description="This cluster has not been checked against the Kubernetes AI Conformance checklist."
  />
);
