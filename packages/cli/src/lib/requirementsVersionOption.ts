import { getChecklist } from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from './CliError';

/** Checks `--requirements-version` before any cluster is contacted. */
export function parseRequirementsVersion(
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  try {
    return getChecklist(value).version;
  } catch (e) {
    throw new CliError(
      `invalid --requirements-version: ${(e as Error).message}`,
    );
  }
}
