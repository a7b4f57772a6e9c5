import fs from 'node:fs/promises';
import { displayUrl } from './displayUrl';
import { parseOfficialChecklist } from '@ai-conformance/plugin-ai-conformance-common';
import type { ParsedOfficialChecklist } from '@ai-conformance/plugin-ai-conformance-common';

/** Where the official checklist of a version is published. */
export function defaultChecklistUrl(version: string): string {
  return `https://raw.githubusercontent.com/cncf/k8s-ai-conformance/main/docs/AIConformance-${version}.yaml`;
}

export interface LoadedChecklist {
  checklist?: ParsedOfficialChecklist;
  /** Why the official text is not used, for stderr. */
  warning?: string;
}

/**
 * Loads the official checklist (for its verbatim descriptions) from a file
 * or URL; without a source, from the published URL unless offline. Never
 * throws: on any problem the caller falls back to its own descriptions.
 */
export async function loadOfficialChecklist(
  source: string | undefined,
  version: string,
  options: { offline: boolean; timeoutMs?: number },
): Promise<LoadedChecklist> {
  if (!source && options.offline) {
    return { warning: 'official checklist not loaded (--offline)' };
  }
  const from = source ?? defaultChecklistUrl(version);
  let text: string;
  try {
    if (/^https?:\/\//i.test(from)) {
      const res = await fetch(from, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } else {
      text = await fs.readFile(from, 'utf8');
    }
  } catch (e) {
    const err = e as Error & { code?: string; cause?: { code?: string } };
    return {
      warning: displayUrl(
        `official checklist not loaded from ${from}: ${
          err.code ?? err.cause?.code ?? err.message
        }`,
      ),
    };
  }
  try {
    const checklist = parseOfficialChecklist(text);
    if (checklist.version !== version) {
      return {
        warning: `official checklist ${displayUrl(from)} is v${
          checklist.version
        }, the report is v${version}: not used`,
      };
    }
    return { checklist };
  } catch (e) {
    return {
      warning: `official checklist ${displayUrl(from)} not used: ${
        (e as Error).message
      }`,
    };
  }
}
