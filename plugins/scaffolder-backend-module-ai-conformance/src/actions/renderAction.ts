import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  GkeClusterSpec,
  gkeClusterSpecSchema,
  parseGkeClusterSpec,
} from '../gke/gkeClusterSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderClusterFiles } from '../render/renderClusterFiles';
import { EXAMPLE_CLUSTER } from './validateAction';

export const RENDER_ACTION_ID = 'ai-conformance:gke:render';

const examples = [
  {
    description:
      'Write Terraform, a gcloud script, a workflow, a README and catalog-info.yaml into clusters/gke-ai-dev of the workspace',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: RENDER_ACTION_ID,
          name: 'Render the cluster files',
          input: { ...EXAMPLE_CLUSTER, targetPath: 'clusters/gke-ai-dev' },
        },
      ],
    }),
  },
];

/** Normalises a workspace-relative directory: '' for the root. */
function normaliseDirectory(targetPath: string | undefined): string {
  const clean = path.posix
    .normalize((targetPath ?? '').replace(/\\/g, '/'))
    .replace(/^\.\/?$/, '')
    .replace(/^\/+|\/+$/g, '');
  return clean === '.' ? '' : clean;
}

/**
 * `ai-conformance:gke:render`: writes the cluster's files into the
 * workspace. Validates first, so an invalid cluster renders nothing.
 *
 * @public
 */
export function createRenderAction(): TemplateAction<
  GkeClusterSpec & { targetPath?: string },
  { files: string[]; directory: string; catalogInfoPath: string },
  'v2'
> {
  return createTemplateAction({
    id: RENDER_ACTION_ID,
    description:
      'Renders Terraform, a gcloud script, a GitHub Actions workflow, a README and catalog-info.yaml for an AI-conformant GKE cluster',
    examples,
    supportsDryRun: true,
    schema: {
      input: z =>
        gkeClusterSpecSchema.extend({
          targetPath: z
            .string()
            .regex(
              /^[A-Za-z0-9._/-]*$/,
              'targetPath holds letters, digits, ".", "_", "-" and "/"',
            )
            .optional()
            .describe(
              'Directory of the cluster files in the workspace; default: the root (the workflow always goes to .github/workflows)',
            ),
        }),
      output: {
        files: z => z.array(z.string()).describe('Files written'),
        directory: z =>
          z
            .string()
            .describe('Directory of the cluster files ("" for the root)'),
        catalogInfoPath: z =>
          z.string().describe('catalog-info.yaml path, starting with /'),
      },
    },
    async handler(ctx) {
      const { targetPath, ...input } = ctx.input;
      const plan = planGkeCluster(parseGkeClusterSpec(input));
      const directory = normaliseDirectory(targetPath);
      const files = renderClusterFiles(plan, { directory });
      for (const file of files) {
        const target = resolveSafeChildPath(ctx.workspacePath, file.path);
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(target, file.content, {
          mode: file.executable ? 0o755 : 0o644,
        });
      }
      ctx.logger.info(
        `Wrote ${files.length} files${directory ? ` under ${directory}` : ''}${
          ctx.isDryRun ? ' (dry run)' : ''
        }`,
      );
      ctx.output(
        'files',
        files.map(f => f.path),
      );
      ctx.output('directory', directory);
      ctx.output(
        'catalogInfoPath',
        `/${directory ? `${directory}/` : ''}catalog-info.yaml`,
      );
    },
  });
}
