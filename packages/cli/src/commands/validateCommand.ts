import { CliIo, writeAll } from '../lib/cliIo';
import { ExitCode } from '../lib/CliError';
import { validateProductYaml } from '../validate/productYamlValidator';
import { createUrlChecker } from '../validate/urlChecker';

export interface ValidateCommandOptions {
  offline?: boolean;
}

/** Validates a PRODUCT.yaml; prints one problem per line; 1 when invalid. */
export async function runValidate(
  file: string,
  opts: ValidateCommandOptions,
  io: CliIo,
): Promise<ExitCode> {
  const offline = Boolean(opts.offline);
  const { version, problems } = await validateProductYaml(file, {
    offline,
    checkUrl: createUrlChecker(),
  });
  const against = version ? ` against checklist v${version}` : '';
  if (problems.length === 0) {
    await writeAll(
      io.stdout,
      `${file}: valid${against}${
        offline ? ' (URLs not checked: --offline)' : ''
      }\n`,
    );
    return 0;
  }
  await writeAll(
    io.stdout,
    `${problems.map(p => `${file}: ${p}`).join('\n')}\n`,
  );
  await writeAll(
    io.stderr,
    `ai-conformance: ${file} is not valid${against}: ${
      problems.length
    } problem${problems.length === 1 ? '' : 's'}\n`,
  );
  return 1;
}
