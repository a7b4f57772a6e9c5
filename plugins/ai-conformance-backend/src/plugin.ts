import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { aiConformancePermissions } from '@ai-conformance/plugin-ai-conformance-common';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  aiConformanceExtensionPoint,
  aiConformanceServiceRef,
  readGoldLevelRules,
} from '@ai-conformance/plugin-ai-conformance-node';
import { createAcceleratorMetricsService } from './accelerators';
import { registerActions } from './actions';
import { BadgeService } from './badges';
import { RegressionNotifier } from './notifications';
import { DatabaseConformanceStore } from './database/DatabaseConformanceStore';
import { DatabaseClusterSummaryStore } from './database/DatabaseClusterSummaryStore';
import { readPluginConfig } from './readPluginConfig';
import { readActiveRunSettings } from './service/readActiveRunSettings';
import { createRouter } from './router';
import { ClusterAccess } from './service/ClusterAccess';
import { ClusterApiService } from './service/ClusterApiService';
import { ClusterResolver } from './service/ClusterResolver';
import { ConformanceService } from './service/ConformanceService';
import { CertifiedVersionsSource } from './service/CertifiedVersionsSource';
import { EngineConformanceRunner } from './service/EngineConformanceRunner';
import { EngineExtensions } from './service/EngineExtensions';
import { FleetVisibility } from './service/FleetVisibility';
import { ReportUploadService } from './service/ReportUploadService';
import { RunManager } from './service/RunManager';
import { RunSignals } from './service/RunSignals';
import { ScheduledChecks } from './service/ScheduledChecks';

/**
 * The AI Conformance backend plugin: wiring only (see `service/`).
 * @public
 */
export const aiConformancePlugin = createBackendPlugin({
  pluginId: 'ai-conformance',
  register(env) {
    // Declared solutions and metrics sources added by backend modules.
    const extensions = new EngineExtensions();
    env.registerExtensionPoint(aiConformanceExtensionPoint, extensions);
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        broker: aiConformanceServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, database, scheduler, httpRouter, lifecycle } =
          deps;
        const settings = readPluginConfig(config);
        const active = readActiveRunSettings(config);

        const store = await DatabaseConformanceStore.create({ database });
        const summaries = new DatabaseClusterSummaryStore(
          await database.getClient(),
        );
        // Clusters checked before the fleet's summaries existed get theirs.
        const built = await summaries.backfill();
        if (built > 0) logger.info(`Built the summaries of ${built} clusters`);

        const resolver = new ClusterResolver({
          config,
          catalog: deps.catalog,
          logger,
        });
        // One metrics service for the accelerators route and check runs.
        const acceleratorMetrics = createAcceleratorMetricsService({
          resolver,
          config,
          logger,
        });
        const certified = CertifiedVersionsSource.fromConfig(config, logger);
        const runner = new EngineConformanceRunner({
          sampleMetrics: extensions.metricsSampler((entityRef, options) =>
            acceleratorMetrics.sampleForSnapshot(entityRef, options),
          ),
          certifiedVersions: () => certified.get(),
          maxResponseBytes: settings.maxResponseBytes,
          solutions: extensions.solutions(settings.solutions),
          active,
        });
        const runs = new RunManager({
          store,
          resolver,
          runner,
          logger,
          auth: deps.auth,
          signals: new RunSignals({ signals: deps.signals, logger }),
          limits: {
            concurrency: settings.concurrency,
            clusterDeadlineMs: settings.clusterDeadlineMs,
            requestTimeoutMs: settings.requestTimeoutMs,
            runsPerCluster: settings.runsPerCluster,
          },
          coordination: settings.runs,
          active,
        });
        // Only runs whose lease expired; live runs of other replicas stay.
        await runs.recoverInterruptedRuns();
        lifecycle.addStartupHook(() => runs.start());
        lifecycle.addShutdownHook(() => runs.stop());

        deps.broker.register(
          new ConformanceService({
            store,
            summaries,
            runs,
            auth: deps.auth,
            goldRules: readGoldLevelRules(config),
          }),
        );
        deps.permissionsRegistry.addPermissions(aiConformancePermissions);

        const goldRules = readGoldLevelRules(config);
        const access = new ClusterAccess({
          catalog: deps.catalog,
          permissions: deps.permissions,
        });
        const api = new ClusterApiService({
          access,
          store,
          summaries,
          visibility: new FleetVisibility({
            access,
            permissions: deps.permissions,
            auth: deps.auth,
            summaries,
            logger,
          }),
          runs,
          uploads: new ReportUploadService({ store, runner, runs }),
          auditor: deps.auditor,
          accelerators: acceleratorMetrics,
          selfAssessmentMetadata: settings.selfAssessmentMetadata,
          goldRules,
          activeRunsEnabled: active.enabled,
        });
        // Actions for AI agents (MCP), through the same service as the routes.
        registerActions(deps.actionsRegistry, {
          api,
          runs,
          catalog: deps.catalog,
        });
        const badges = new BadgeService({
          access,
          store,
          auth: deps.auth,
          publicBadges: settings.publicBadges,
          goldRules,
        });
        httpRouter.use(
          await createRouter({
            api,
            badges,
            httpAuth: deps.httpAuth,
            uploadMaxBytes: settings.uploadMaxBytes,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        if (settings.publicBadges) {
          httpRouter.addAuthPolicy({
            path: '/clusters/:namespace/:name/badge.svg',
            allow: 'unauthenticated',
          });
        }

        // Owners hear of regressions (when the notifications backend runs).
        const notifier = new RegressionNotifier({
          notifications: deps.notifications,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });
        runs.onRunFinished(event => notifier.handle(event));

        if (settings.scheduleEnabled) {
          const scheduled = new ScheduledChecks({
            catalog: deps.catalog,
            auth: deps.auth,
            resolver,
            runs,
            store,
            logger,
          });
          await scheduler.scheduleTask({
            id: 'ai-conformance-checks',
            scope: 'global',
            ...settings.schedule,
            fn: async signal => {
              await scheduled.runAll({
                signal,
                pollMs: settings.runs.pollMs,
              });
            },
          });
        }
      },
    });
  },
});
