import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import { stringify } from 'yaml';
import { GkeServerConfigSource } from '../gke/GkeServerConfigSource';
import {
  GKE_CHECKLIST_VERSIONS,
  GKE_RELEASE_CHANNELS,
  apiChannel,
} from '../gke/gkeClusterSpec';
import {
  certifiedMinimumOf,
  checkGivenVersion,
  selectConformantVersion,
} from '../gke/selectConformantVersion';

export const RESOLVE_VERSION_ACTION_ID = 'ai-conformance:gke:resolve-version';

const examples = [
  {
    description:
      'Pick a certified 1.34 version from the regular channel of us-central1 (asks GKE when the backend has Google credentials; otherwise checks the given version)',
    example: stringify({
      steps: [
        {
          id: 'version',
          action: RESOLVE_VERSION_ACTION_ID,
          name: 'Resolve the GKE version',
          input: {
            projectId: 'my-project',
            region: 'us-central1',
            releaseChannel: 'regular',
            checklistVersion: '1.34',
            version: '1.34.0-gke.1662000',
          },
        },
      ],
    }),
  },
];

/**
 * `ai-conformance:gke:resolve-version`: region + release channel + minor →
 * a GKE version at or above the AI-conformance-certified minimum. With a
 * server-config source (Google credentials) it asks GKE which versions the
 * channel offers; without one it checks the version given.
 *
 * @public
 */
export function createResolveVersionAction(options: {
  serverConfigSource?: GkeServerConfigSource;
}): TemplateAction<
  {
    projectId: string;
    region: string;
    releaseChannel: 'rapid' | 'regular' | 'stable' | 'extended';
    /** A minor with a certified GKE version, e.g. '1.37'. */
    checklistVersion: string;
    version?: string;
  },
  {
    version: string;
    channel: string;
    minimum: string;
    candidates: string[];
    source: 'container-api' | 'input' | 'certified-minimum';
  },
  'v2'
> {
  const { serverConfigSource } = options;
  return createTemplateAction({
    id: RESOLVE_VERSION_ACTION_ID,
    description:
      'Resolves a GKE version that is AI-conformance certified for a checklist version, region and release channel',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        projectId: z =>
          z
            .string()
            .regex(
              /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/,
              'not a Google Cloud project id',
            )
            .describe('Google Cloud project id'),
        region: z =>
          z
            .string()
            .regex(/^[a-z]+-[a-z]+\d+$/, 'a region looks like us-central1')
            .describe('Google Cloud region'),
        releaseChannel: z =>
          z
            .enum(GKE_RELEASE_CHANNELS)
            .default('regular')
            .describe('Release channel'),
        checklistVersion: z =>
          z
            .enum(GKE_CHECKLIST_VERSIONS)
            .describe('Checklist version = GKE minor'),
        version: z =>
          z
            .string()
            .optional()
            .describe(
              'Wanted GKE version; required when the backend has no Google credentials',
            ),
      },
      output: {
        version: z => z.string().describe('The GKE version to pin'),
        channel: z =>
          z
            .string()
            .describe('Release channel as the API spells it, e.g. REGULAR'),
        minimum: z => z.string().describe('Certified minimum of the minor'),
        candidates: z =>
          z
            .array(z.string())
            .describe('Certified versions the channel offers, newest first'),
        source: z =>
          z
            .enum(['container-api', 'input', 'certified-minimum'])
            .describe('Where the version came from'),
      },
    },
    async handler(ctx) {
      const { projectId, region, checklistVersion } = ctx.input;
      const releaseChannel = ctx.input.releaseChannel ?? 'regular';
      const wanted = ctx.input.version?.trim() || undefined;
      const minimum = certifiedMinimumOf(checklistVersion);
      ctx.output('channel', apiChannel(releaseChannel));
      ctx.output('minimum', minimum);

      if (serverConfigSource && !ctx.isDryRun) {
        const config = await serverConfigSource.getServerConfig({
          projectId,
          region,
        });
        const choice = selectConformantVersion(config, {
          channel: releaseChannel,
          minor: checklistVersion,
          region,
          wanted,
        });
        ctx.logger.info(
          `GKE ${choice.version} on the ${apiChannel(
            releaseChannel,
          )} channel in ${region} (certified ${checklistVersion} versions offered: ${choice.candidates.join(
            ', ',
          )})`,
        );
        ctx.output('version', choice.version);
        ctx.output('candidates', choice.candidates);
        ctx.output('source', 'container-api');
        return;
      }

      if (wanted) {
        const version = checkGivenVersion(wanted, checklistVersion);
        ctx.logger.info(
          `GKE ${version} is at or above ${minimum}, the certified minimum of ${checklistVersion}`,
        );
        ctx.output('version', version);
        ctx.output('candidates', [version]);
        ctx.output('source', 'input');
        return;
      }

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: GKE is not asked; using the certified minimum ${minimum}`,
        );
        ctx.output('version', minimum);
        ctx.output('candidates', [minimum]);
        ctx.output('source', 'certified-minimum');
        return;
      }

      throw new InputError(
        `The backend has no Google credentials to ask GKE for versions: give a GKE version at or above ${minimum}`,
      );
    },
  });
}
