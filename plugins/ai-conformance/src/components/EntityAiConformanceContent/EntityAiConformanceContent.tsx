import { useCallback, useEffect, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { defaultChecklistVersion } from '../../report/defaultChecklistVersion';
import { useClusterDetail, useRunHistory } from '../../hooks/useClusterData';
import { useCheckRun } from '../../hooks/useCheckRun';
import { ExportMenu } from '../ExportMenu';
import { RequirementList } from '../RequirementList';
import { RunChecksButton } from '../RunChecksButton';
import { VerifyWithWorkloadsButton } from '../VerifyWithWorkloadsButton';
import { RunHistory } from '../RunHistory';
import { RunProgress } from '../RunProgress';
import { ErrorState, RunErrorAlert } from '../StatePanels';
import { VerdictBanner } from '../VerdictBanner';
import { VersionSelector } from '../VersionSelector';
import { AcceleratorMetricsSection } from '../AcceleratorMetrics';

/**
 * Props of {@link EntityAiConformanceContent}.
 *
 * @public
 */
export interface EntityAiConformanceContentProps {
  /** How often a running check is polled; 1 s by default. */
  pollIntervalMs?: number;
}

/**
 * The "AI Conformance" tab of a cluster entity: verdict, requirements with
 * evidence and remediation, run checks with live progress, history, exports.
 */
export const EntityAiConformanceContent = (
  props: EntityAiConformanceContentProps,
) => {
  const { entity } = useEntity();
  const compound = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const entityRef = stringifyEntityRef(entity);
  const [chosenVersion, setChosenVersion] = useState<string>();
  const detail = useClusterDetail(compound, chosenVersion);
  const history = useRunHistory(compound);
  const { retry: retryDetail } = detail;
  const { retry: retryHistory } = history;
  const onFinished = useCallback(() => {
    retryDetail();
    retryHistory();
  }, [retryDetail, retryHistory]);
  const checkRun = useCheckRun({
    entity: compound,
    onFinished,
    pollIntervalMs: props.pollIntervalMs,
  });

  // The version the backend picks by itself; choosing it again drops the
  // explicit choice, so the default view needs no version parameter.
  const [baseVersion, setBaseVersion] = useState<string>();
  const loadedDefault =
    !chosenVersion && detail.value
      ? defaultChecklistVersion(entity, detail.value.report)
      : undefined;
  useEffect(() => {
    if (loadedDefault) setBaseVersion(loadedDefault);
  }, [loadedDefault]);
  const chooseVersion = useCallback(
    (v: string) => setChosenVersion(v === baseVersion ? undefined : v),
    [baseVersion],
  );

  const lastRun = detail.value?.lastRun;
  const { follow } = checkRun;
  useEffect(() => {
    if (
      lastRun &&
      (lastRun.status === 'queued' || lastRun.status === 'running')
    ) {
      follow(lastRun.runId);
    }
  }, [lastRun, follow]);

  if (detail.loading && !detail.value) {
    return <Progress />;
  }
  if (detail.error) {
    const error = (
      <ErrorState error={detail.error} what="this cluster's results" />
    );
    if (!chosenVersion) return error;
    // Keep the selector so another checklist version can be picked.
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end">
            <VersionSelector value={chosenVersion} onChange={chooseVersion} />
          </Box>
        </Grid>
        <Grid item xs={12}>
          {error}
        </Grid>
      </Grid>
    );
  }

  const report = detail.value?.report ?? null;
  const version = chosenVersion ?? defaultChecklistVersion(entity, report);
  const runChecks = () =>
    checkRun.start(
      chosenVersion ? { requirementsVersion: chosenVersion } : undefined,
    );
  const verifyWithWorkloads = () =>
    checkRun.start({
      mode: 'active',
      ...(chosenVersion ? { requirementsVersion: chosenVersion } : {}),
    });
  const runButton = (
    <>
      <RunChecksButton
        entityRef={entityRef}
        onClick={runChecks}
        running={checkRun.active}
      />
      <VerifyWithWorkloadsButton
        entityRef={entityRef}
        onConfirm={verifyWithWorkloads}
        running={checkRun.active}
      />
    </>
  );
  const versionSelector = (
    <VersionSelector
      value={version}
      onChange={chooseVersion}
      disabled={checkRun.active}
    />
  );
  const progress = checkRun.active && (
    <Grid item xs={12}>
      <RunProgress run={checkRun.run} />
    </Grid>
  );
  const runError = (checkRun.error || checkRun.run?.status === 'failed') && (
    <Grid item xs={12}>
      <RunErrorAlert error={checkRun.error} run={checkRun.run} />
    </Grid>
  );

  if (!report) {
    return (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end">
            {versionSelector}
          </Box>
        </Grid>
        {progress}
        {runError}
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="Never checked"
            description={`This cluster has no AI Conformance report for checklist v${version} yet. Run the checks now to get one.`}
            action={runButton}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <VerdictBanner
          report={report}
          lastRun={lastRun}
          level={detail.value?.level}
          actions={
            <>
              {versionSelector}
              <ExportMenu
                entity={compound}
                entityRef={entityRef}
                report={report}
              />
              {runButton}
            </>
          }
        />
      </Grid>
      {progress}
      {runError}
      <Grid item xs={12}>
        <RequirementList results={report.requirements} />
      </Grid>
      <Grid item xs={12}>
        <AcceleratorMetricsSection />
      </Grid>
      <Grid item xs={12}>
        {history.error ? (
          <ErrorState error={history.error} what="the run history" />
        ) : (
          <RunHistory runs={history.value ?? []} />
        )}
      </Grid>
    </Grid>
  );
};
