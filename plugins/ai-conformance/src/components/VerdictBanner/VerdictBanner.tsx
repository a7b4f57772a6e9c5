import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  countReport,
  type ConformanceLevelResult,
  type ConformanceReport,
  type RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import { PLATFORM_TITLES, VERDICT } from '../../report/statusPresentation';
import { formatDateTime, formatRelativeTime } from '../../report/formatTime';
import { StatusIcon } from '../StatusChip';
import { LevelChip } from '../LevelChip';
import { GkeCertificationNote } from './GkeCertificationNote';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(2, 3),
    borderLeft: `6px solid`,
  },
  success: { borderLeftColor: theme.palette.success.main },
  error: { borderLeftColor: theme.palette.error.main },
  warning: { borderLeftColor: theme.palette.warning.main },
  info: { borderLeftColor: theme.palette.info.main },
  neutral: { borderLeftColor: theme.palette.divider },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    marginTop: theme.spacing(1),
  },
}));

const Fact = (props: { label: string; children: ReactNode }) => (
  <div>
    <Typography variant="caption" color="textSecondary" component="div">
      {props.label}
    </Typography>
    <Typography variant="body2" component="div">
      {props.children}
    </Typography>
  </div>
);

/**
 * The verdict of the latest report with what it was measured against, the
 * findings (e.g. the GKE certified-version gate) and room for actions.
 */
export const VerdictBanner = (props: {
  report: ConformanceReport;
  lastRun?: RunRecord | null;
  level?: ConformanceLevelResult | null;
  actions?: ReactNode;
}) => {
  const { report, lastRun, level, actions } = props;
  const classes = useStyles();
  const verdict = VERDICT[report.verdict];
  const counts = countReport(report);
  const checkedAt = lastRun?.finishedAt ?? report.generatedAt;
  return (
    <Paper
      className={`${classes.root} ${classes[verdict.tone]}`}
      component="section"
      aria-label="Verdict"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        justifyContent="space-between"
        alignItems="center"
        style={{ gap: 16 }}
      >
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <StatusIcon tone={verdict.tone} fontSize="default" />
          <Typography variant="h5" component="h2" data-verdict={report.verdict}>
            {verdict.label}
          </Typography>
          {level && <LevelChip level={level.level} missing={level.missing} />}
        </Box>
        {actions && (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            {actions}
          </Box>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary">
        {verdict.description}
      </Typography>
      <div className={classes.facts}>
        <Fact label="Checklist">v{report.requirementsVersion}</Fact>
        <Fact label="Platform">
          {PLATFORM_TITLES[report.cluster.platform] ?? report.cluster.platform}
        </Fact>
        <Fact label="Kubernetes version">
          {report.cluster.kubernetesVersion ?? 'unknown'}
        </Fact>
        <Fact label="MUST passed">
          {counts.mustPassed}/{counts.mustTotal}
        </Fact>
        <Fact label="SHOULD passed">
          {counts.shouldPassed}/{counts.shouldTotal}
        </Fact>
        <Fact label="Last run">
          <span title={formatDateTime(checkedAt)}>
            {formatRelativeTime(checkedAt)}
          </span>
          {lastRun?.createdBy ? ` by ${lastRun.createdBy}` : ''}
        </Fact>
      </div>
      <GkeCertificationNote report={report} />
      {report.findings.map(finding => (
        <Box mt={1} key={finding.id}>
          <Alert severity={finding.severity}>
            {finding.summary}
            {finding.details ? ` ${finding.details}` : ''}
          </Alert>
        </Box>
      ))}
    </Paper>
  );
};
