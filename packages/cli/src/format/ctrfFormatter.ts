import type {
  RequirementResult,
  RequirementStatus,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextResult } from '../lib/contextResult';
import { cliVersion } from '../lib/cliVersion';
import {
  detailText,
  reasonText,
} from '@ai-conformance/plugin-ai-conformance-common';

type CtrfStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'other';

const STATUS: Record<RequirementStatus, CtrfStatus> = {
  pass: 'passed',
  fail: 'failed',
  partial: 'failed',
  unknown: 'skipped',
  'not-applicable': 'skipped',
};

interface CtrfTest {
  name: string;
  status: CtrfStatus;
  duration: number;
  message?: string;
  trace?: string;
  suite?: string;
  tags?: string[];
  extra?: Record<string, unknown>;
}

function test(
  r: RequirementResult,
  context: string,
  multiple: boolean,
): CtrfTest {
  const status = STATUS[r.status];
  return {
    name: `${r.id} (${r.level})${multiple ? ` [${context}]` : ''}`,
    status,
    duration: 0,
    message: status === 'passed' ? r.summary : `${r.status}: ${reasonText(r)}`,
    trace: detailText(r),
    suite: r.category,
    tags: [r.level, r.status],
    extra: { id: r.id, level: r.level, status: r.status, context },
  };
}

export interface CtrfOptions {
  /** When the run started and stopped (epoch ms). */
  start: number;
  stop: number;
}

/** A Common Test Report Format (ctrf.io) document: one test per requirement. */
export function formatCtrf(
  results: ContextResult[],
  opts: CtrfOptions,
): string {
  const multiple = results.length > 1;
  const tests: CtrfTest[] = [];
  for (const result of results) {
    if (result.report) {
      for (const r of result.report.requirements) {
        tests.push(test(r, result.context, multiple));
      }
    } else {
      tests.push({
        name: `connect ${result.context}`,
        status: 'failed',
        duration: 0,
        message: result.error?.message ?? 'not checked',
        extra: { context: result.context, reason: result.error?.reason },
      });
    }
  }
  const n = (s: CtrfStatus) => tests.filter(t => t.status === s).length;
  const first = results.find(r => r.report)?.report;
  const doc = {
    reportFormat: 'CTRF',
    specVersion: '0.0.0',
    timestamp: new Date(opts.stop).toISOString(),
    generatedBy: 'ai-conformance',
    results: {
      tool: { name: 'ai-conformance', version: cliVersion() },
      summary: {
        tests: tests.length,
        passed: n('passed'),
        failed: n('failed'),
        pending: n('pending'),
        skipped: n('skipped'),
        other: n('other'),
        start: opts.start,
        stop: opts.stop,
      },
      tests,
      environment: first
        ? {
            appName: 'Kubernetes AI Conformance',
            appVersion: `v${first.requirementsVersion}`,
            osPlatform: first.cluster.platform,
            osVersion: first.cluster.kubernetesVersion,
          }
        : undefined,
      extra: {
        verdicts: Object.fromEntries(
          results.map(r => [r.context, r.report?.verdict ?? 'error']),
        ),
      },
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
