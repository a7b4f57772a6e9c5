import { XMLBuilder } from 'fast-xml-parser';
import type {
  ConformanceReport,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import type { ContextResult } from '../lib/contextResult';
import {
  detailText,
  escapeXmlAttribute,
  escapeXmlText,
  reasonText,
} from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Every string of a builder tree escaped for XML 1.0 (attributes keyed
 * `@_`, text otherwise), characters XML cannot hold removed: the builder
 * writes values as they are.
 */
function escapeTree(value: unknown, attribute = false): unknown {
  if (typeof value === 'string') {
    return attribute ? escapeXmlAttribute(value) : escapeXmlText(value);
  }
  if (Array.isArray(value)) return value.map(v => escapeTree(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        escapeTree(v, k.startsWith('@_')),
      ]),
    );
  }
  return value;
}

function testcase(r: RequirementResult): Record<string, unknown> {
  const tc: Record<string, unknown> = {
    '@_classname': r.category,
    '@_name': `${r.id} (${r.level})`,
    '@_time': '0',
  };
  if (r.status === 'fail' || r.status === 'partial') {
    tc.failure = {
      '@_message': reasonText(r),
      '@_type': r.status,
      '#text': detailText(r),
    };
  } else if (r.status === 'unknown' || r.status === 'not-applicable') {
    tc.skipped = { '@_message': `${r.status}: ${reasonText(r)}` };
  }
  tc['system-out'] = detailText(r);
  return tc;
}

function suite(
  report: ConformanceReport,
  context: string,
  multiple: boolean,
): Record<string, unknown> {
  const rs = report.requirements;
  const failures = rs.filter(
    r => r.status === 'fail' || r.status === 'partial',
  );
  const skipped = rs.filter(
    r => r.status === 'unknown' || r.status === 'not-applicable',
  );
  return {
    '@_name': `ai-conformance v${report.requirementsVersion}${
      multiple ? ` (${context})` : ''
    }`,
    '@_tests': String(rs.length),
    '@_failures': String(failures.length),
    '@_errors': '0',
    '@_skipped': String(skipped.length),
    '@_time': (report.stats.durationMs / 1000).toFixed(3),
    '@_timestamp': report.generatedAt,
    '@_hostname': report.cluster.name,
    properties: {
      property: [
        { '@_name': 'verdict', '@_value': report.verdict },
        { '@_name': 'cluster', '@_value': report.cluster.name },
        { '@_name': 'platform', '@_value': report.cluster.platform },
        {
          '@_name': 'kubernetesVersion',
          '@_value': report.cluster.kubernetesVersion ?? 'unknown',
        },
      ],
    },
    testcase: rs.map(testcase),
  };
}

function errorSuite(result: ContextResult): Record<string, unknown> {
  return {
    '@_name': `ai-conformance (${result.context})`,
    '@_tests': '1',
    '@_failures': '0',
    '@_errors': '1',
    '@_skipped': '0',
    testcase: [
      {
        '@_classname': 'connection',
        '@_name': result.context,
        error: {
          '@_message': result.error?.message ?? 'not checked',
          '@_type': result.error?.reason ?? 'error',
        },
      },
    ],
  };
}

/**
 * JUnit XML: one testsuite per context, one testcase per requirement.
 * fail/partial → <failure>, unknown/not-applicable → <skipped>, with reasons.
 */
export function formatJUnit(results: ContextResult[]): string {
  const multiple = results.length > 1;
  const suites = results.map(r =>
    r.report ? suite(r.report, r.context, multiple) : errorSuite(r),
  );
  const count = (key: string) =>
    suites.reduce((n, s) => n + Number(s[`@_${key}`]), 0);
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    format: true,
    suppressEmptyNode: true,
    processEntities: false,
  });
  const xml = builder.build(
    escapeTree({
      testsuites: {
        '@_name': 'ai-conformance',
        '@_tests': String(count('tests')),
        '@_failures': String(count('failures')),
        '@_errors': String(count('errors')),
        '@_skipped': String(count('skipped')),
        testsuite: suites,
      },
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
