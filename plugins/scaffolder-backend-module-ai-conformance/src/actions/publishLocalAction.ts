import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

export const PUBLISH_LOCAL_ACTION_ID = 'ai-conformance:publish:local';

/** Config key of the directory that receives local deliveries. */
export const LOCAL_DELIVERY_CONFIG_KEY =
  'aiConformance.scaffolder.localDelivery.directory';

/** At most this many files are delivered: the render step writes about ten. */
const MAX_FILES = 500;

const examples = [
  {
    description:
      'Write the rendered cluster files to <localDelivery.directory>/gke-ai-dev on the backend host',
    example: stringify({
      steps: [
        {
          id: 'deliver',
          action: PUBLISH_LOCAL_ACTION_ID,
          name: 'Write the files to a local directory',
          input: { name: 'gke-ai-dev' },
        },
      ],
    }),
  },
];

/** Workspace-relative paths of every regular file under `dir`, sorted. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      files.push(...(await listFiles(path.join(dir, entry.name), rel)));
    } else if (entry.isFile()) {
      files.push(rel);
    }
    if (files.length > MAX_FILES) {
      throw new InputError(
        `The workspace holds more than ${MAX_FILES} files; local delivery is meant for a cluster's rendered files`,
      );
    }
  }
  return files.sort();
}

/**
 * `ai-conformance:publish:local`: copies the workspace (or one directory of
 * it) into `<aiConformance.scaffolder.localDelivery.directory>/<name>` on
 * the backend host, for demos and air-gapped portals where no Git host is
 * reachable. Refuses when the directory is not configured or the target
 * already exists; writes nothing in a dry run.
 *
 * `options.directory` is the configured delivery root (absolute, or relative
 * to the backend's working directory); undefined when not set.
 *
 * @public
 */
export function createPublishLocalAction(options: {
  directory?: string;
}): TemplateAction<
  { name: string; sourcePath?: string },
  { path: string; files: string[] },
  'v2'
> {
  const root = options.directory ? path.resolve(options.directory) : undefined;
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Writes the workspace files to a directory on the backend host (aiConformance.scaffolder.localDelivery.directory); needs no Git host',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(
              /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
              'name holds lowercase letters, digits and "-"',
            )
            .max(63)
            .describe(
              'Directory created under the configured delivery directory',
            ),
        sourcePath: z =>
          z
            .string()
            .regex(
              /^[A-Za-z0-9._/-]*$/,
              'sourcePath holds letters, digits, ".", "_", "-" and "/"',
            )
            .optional()
            .describe(
              'Workspace directory to deliver; default: the whole workspace',
            ),
      },
      output: {
        path: z =>
          z.string().describe('Absolute path of the delivered directory'),
        files: z =>
          z
            .array(z.string())
            .describe('Delivered files, relative to path, sorted'),
      },
    },
    async handler(ctx) {
      if (!root) {
        throw new InputError(
          `Local delivery is not configured: set ${LOCAL_DELIVERY_CONFIG_KEY} in the backend config, or choose a GitHub delivery`,
        );
      }
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '',
      );
      const stat = await fs.stat(source).catch(() => undefined);
      if (!stat?.isDirectory()) {
        throw new NotFoundError(
          `sourcePath ${ctx.input.sourcePath} is not a directory of the workspace`,
        );
      }
      const files = await listFiles(source);
      const target = resolveSafeChildPath(root, ctx.input.name);
      const exists = await fs
        .access(target)
        .then(() => true)
        .catch(() => false);
      if (exists) {
        throw new ConflictError(
          `${target} already exists; choose another name or remove it`,
        );
      }
      if (!ctx.isDryRun) {
        // Only the listed regular files: a symlink in the workspace is not
        // followed out of it.
        for (const file of files) {
          const to = resolveSafeChildPath(target, file);
          await fs.mkdir(path.dirname(to), { recursive: true });
          await fs.copyFile(
            path.join(source, file),
            to,
            fs.constants.COPYFILE_EXCL,
          );
        }
      }
      ctx.logger.info(
        `${ctx.isDryRun ? 'Would write' : 'Wrote'} ${
          files.length
        } files to ${target}`,
      );
      ctx.output('path', target);
      ctx.output('files', files);
    },
  });
}
