import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import {
  AddonManifestSettings,
  loadAddonManifests,
} from '../addons/addonManifestSource';
import {
  ManifestObject,
  ObjectApi,
  KubeTarget,
  applyObjects,
  objectApiFor,
  parseManifests,
  waitForControllers,
} from '../addons/applyAddonManifests';
import { ContainerApiFactory } from '../gke/containerApi';
import {
  GkeClusterSpec,
  gkeClusterSpecSchema,
  parseGkeClusterSpec,
} from '../gke/gkeClusterSpec';
import { readGkeClusterAccess } from '../gke/gkeClusterAccess';
import { planGkeCluster } from '../gke/planGkeCluster';
import { addonReleases } from '../render/addonReleases';
import { EXAMPLE_CLUSTER } from './validateAction';

export const INSTALL_ADDONS_ACTION_ID = 'ai-conformance:cluster:install-addons';

const examples = [
  {
    description:
      'Install Kueue (and Kubeflow Trainer or the NVIDIA DRA driver when chosen) on the new cluster',
    example: stringify({
      steps: [
        {
          id: 'addons',
          action: INSTALL_ADDONS_ACTION_ID,
          name: 'Install the add-ons',
          input: EXAMPLE_CLUSTER,
        },
      ],
    }),
  },
];

/**
 * `ai-conformance:cluster:install-addons`: server-side applies the pinned
 * add-ons the checklist needs and GKE does not manage (Kueue, Kubeflow
 * Trainer when it is the chosen operator, the NVIDIA DRA driver with a DRA
 * pool) from a local mirror or configured manifest URLs, then waits until
 * their controllers are ready. The API server and CA come from the
 * Container API, the token from the backend's Google credentials.
 *
 * @public
 */
export function createInstallAddonsAction(options: {
  containerApi: ContainerApiFactory;
  manifests: AddonManifestSettings;
  /** The object API of a cluster; default: `@kubernetes/client-node`. */
  objectApi?: (target: KubeTarget) => Promise<ObjectApi>;
  readyTimeoutMs?: number;
  pollIntervalMs?: number;
}): TemplateAction<GkeClusterSpec, { installed: string[] }, 'v2'> {
  return createTemplateAction({
    id: INSTALL_ADDONS_ACTION_ID,
    description:
      'Server-side applies the pinned add-ons the checklist needs and GKE does not manage (Kueue, Kubeflow Trainer, the NVIDIA DRA driver) and waits for their controllers',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => gkeClusterSpecSchema,
      output: {
        installed: z =>
          z
            .array(z.string())
            .describe('Installed add-ons as chart@version, in install order'),
      },
    },
    async handler(ctx) {
      const spec = parseGkeClusterSpec(ctx.input);
      const plan = planGkeCluster(spec);
      const releases = addonReleases(plan);
      const installed = releases.map(r => `${r.addon.chart}@${r.version}`);
      if (spec.operator === 'ray') {
        ctx.logger.info(
          'The Ray Operator is a GKE add-on (addonsConfig.rayOperatorConfig): GKE installs and upgrades it',
        );
      }
      if (releases.length === 0) {
        ctx.logger.info('No add-ons to install');
        ctx.output('installed', []);
        return;
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would install ${installed.join(', ')} by server-side apply`,
        );
        ctx.output('installed', installed);
        return;
      }
      // Every manifest is read and parsed before anything is applied.
      const loaded: Array<{ name: string; objects: ManifestObject[] }> = [];
      for (const release of releases) {
        const manifests = await loadAddonManifests(release, options.manifests);
        const objects = parseManifests(manifests.text, manifests.source);
        ctx.logger.info(
          `${release.addon.chart} ${release.version}: ${objects.length} objects from ${manifests.source}`,
        );
        loaded.push({
          name: `${release.addon.chart} ${release.version}`,
          objects,
        });
      }
      const api = await options.containerApi();
      let target: KubeTarget;
      try {
        const access = await readGkeClusterAccess(api, spec);
        target = {
          server: access.server,
          caData: access.caData,
          token: await api.getAccessToken(),
        };
      } finally {
        await api.client.close().catch(() => undefined);
      }
      const objectApi = await (options.objectApi ?? objectApiFor)(target);
      for (const { name, objects } of loaded) {
        ctx.logger.info(
          `Installing ${name} on ${spec.name} (server-side apply)`,
        );
        await applyObjects(objectApi, objects, m => ctx.logger.info(m));
        await waitForControllers(objectApi, objects, {
          timeoutMs: options.readyTimeoutMs ?? 10 * 60_000,
          pollIntervalMs: options.pollIntervalMs ?? 3000,
          log: m => ctx.logger.info(m),
        });
        ctx.logger.info(`${name} is installed and its controllers are ready`);
      }
      ctx.output('installed', installed);
    },
  });
}
