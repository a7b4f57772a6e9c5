import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { countReport } from '@ai-conformance/plugin-ai-conformance-common';
import { useClusterDetail } from '../../hooks/useClusterData';
import { VERDICT } from '../../report/statusPresentation';
import { formatDateTime, formatRelativeTime } from '../../report/formatTime';
import { StatusIcon } from '../StatusChip';
import { LevelChip } from '../LevelChip';
import { ErrorState } from '../StatePanels';

const Count = (props: { label: string; passed: number; total: number }) => (
  <div>
    <Typography variant="caption" color="textSecondary" component="div">
      {props.label}
    </Typography>
    <Typography
      variant="h6"
      component="div"
      aria-label={`${props.label}: ${props.passed} of ${props.total}`}
    >
      {props.passed}/{props.total}
    </Typography>
  </div>
);

/**
 * Overview card of a cluster entity: verdict, MUST and SHOULD counts, when
 * it was last checked, and a link to the AI Conformance tab.
 */
export const EntityAiConformanceCard = () => {
  const { entity } = useEntity();
  const compound = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const entityLink = useEntityRefLink();
  const detail = useClusterDetail(compound);
  const tabLink = `${entityLink(entity)}/ai-conformance`;
  const report = detail.value?.report;
  const level = detail.value?.level;

  let content: JSX.Element;
  if (detail.loading) {
    content = <Progress />;
  } else if (detail.error) {
    content = <ErrorState error={detail.error} what="this cluster's results" />;
  } else if (!report) {
    content = (
      <Typography variant="body2">
        Never checked against the Kubernetes AI Conformance checklist. Open the
        AI Conformance tab to run the checks.
      </Typography>
    );
  } else {
    const verdict = VERDICT[report.verdict];
    const counts = countReport(report);
    const checkedAt = detail.value?.lastRun?.finishedAt ?? report.generatedAt;
    content = (
      <>
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={2}>
          <StatusIcon tone={verdict.tone} fontSize="default" />
          <Typography variant="h5" component="p" data-verdict={report.verdict}>
            {verdict.label}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            checklist v{report.requirementsVersion}
          </Typography>
        </Box>
        {level && (
          <Box mb={2}>
            <LevelChip level={level.level} missing={level.missing} />
          </Box>
        )}
        <Box display="flex" style={{ gap: 32 }} mb={1}>
          <Count
            label="MUST"
            passed={counts.mustPassed}
            total={counts.mustTotal}
          />
          <Count
            label="SHOULD"
            passed={counts.shouldPassed}
            total={counts.shouldTotal}
          />
        </Box>
        <Typography variant="body2" color="textSecondary">
          Last checked{' '}
          <span title={formatDateTime(checkedAt)}>
            {formatRelativeTime(checkedAt)}
          </span>
        </Typography>
      </>
    );
  }

  return (
    <InfoCard
      title="AI Conformance"
      deepLink={{ title: 'View AI Conformance', link: tabLink }}
    >
      {content}
    </InfoCard>
  );
};
