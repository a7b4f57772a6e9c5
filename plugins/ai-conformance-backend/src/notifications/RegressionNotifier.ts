import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { RunRecord } from '@ai-conformance/plugin-ai-conformance-common';
import { findRegressions, type Regression } from './findRegressions';

/**
 * Tells a cluster's owner when a run turns it from conformant to not, or a
 * MUST from pass to fail: once per change, never per run.
 */
export class RegressionNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async handle(event: { run: RunRecord; previous?: RunRecord }): Promise<void> {
    const { run, previous } = event;
    if (run.status !== 'succeeded' || !run.report || !previous?.report) return;
    const regression = findRegressions(previous.report, run.report);
    if (!regression) return;
    const recipients = await this.recipientsFor(run.entityRef);
    const { namespace, name } = parseEntityRef(run.entityRef);
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: `AI Conformance regression on ${name}`,
          description: describe(regression),
          link: `/catalog/${namespace}/resource/${name}/ai-conformance`,
          severity: regression.verdict ? 'high' : 'normal',
          topic: 'ai-conformance',
        },
      });
      this.deps.logger.info(
        `Notified ${recipients.join(', ')} of a regression on ${run.entityRef}`,
      );
    } catch (error) {
      // The notifications backend may not be installed.
      this.deps.logger.warn(
        `Could not send the regression notification for ${run.entityRef}: ${error}`,
      );
    }
  }

  /** The entity's owner, or the entity itself when it has none. */
  private async recipientsFor(entityRef: string): Promise<string[]> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    const owner = entity?.spec?.owner;
    if (typeof owner !== 'string' || !owner) return [entityRef];
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity!.metadata.namespace ?? 'default',
        }),
      ),
    ];
  }
}

function describe(regression: Regression): string {
  const parts: string[] = [];
  if (regression.verdict) {
    parts.push(
      `The cluster was ${regression.verdict.from} and is now ${regression.verdict.to}.`,
    );
  }
  for (const f of regression.mustFailures) {
    parts.push(`MUST ${f.id} now fails: ${f.summary}`);
  }
  return parts.join(' ');
}
