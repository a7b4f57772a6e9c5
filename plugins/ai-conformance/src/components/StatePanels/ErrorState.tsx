import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { isForbidden } from './isForbidden';

/**
 * An error loading results: "no access" for a 403, otherwise the Backstage
 * error panel with the response details.
 */
export const ErrorState = (props: { error: Error; what?: string }) => {
  if (isForbidden(props.error)) {
    return (
      <WarningPanel
        severity="info"
        title="You don't have access to AI Conformance results"
        message={`Your permissions do not allow reading ${
          props.what ?? 'these results'
        }. Ask the owner or a portal administrator for the "ai-conformance.report.read" permission.`}
      />
    );
  }
  return <ResponseErrorPanel error={props.error} />;
};
