import fs from 'node:fs/promises';
import path from 'node:path';
import {
  SUBMISSION_ARTIFACT_NAMES,
  writeActiveArtifacts,
} from '@ai-conformance/plugin-ai-conformance-node';
import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { CliError } from './CliError';

/**
 * Writes the report's active results as junit.xml, results.json and
 * e2e.log into `dir` (created when missing). Returns the files written;
 * none when the report has no active result.
 */
export async function writeActiveArtifactsTo(
  dir: string,
  report: ConformanceReport,
): Promise<string[]> {
  const artifacts = writeActiveArtifacts(report);
  if (!artifacts) return [];
  const written: string[] = [];
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const name of SUBMISSION_ARTIFACT_NAMES) {
      const file = path.join(dir, name);
      await fs.writeFile(file, artifacts[name]);
      written.push(file);
    }
  } catch (e) {
    throw new CliError(
      `cannot write --active-artifacts ${dir}: ${
        (e as NodeJS.ErrnoException).code ?? (e as Error).message
      }`,
    );
  }
  return written;
}
