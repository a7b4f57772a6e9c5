import { XMLParser } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { makeReport } from '../__testUtils__/reportFixtures';
import { createStyler } from '../lib/style';
import { formatTable } from './tableFormatter';
import { formatJUnit } from './junitFormatter';
import { formatCtrf } from './ctrfFormatter';
import { formatMarkdown } from './markdownFormatter';
import { formatJson } from './jsonFormatter';
import { buildProductYaml } from '@ai-conformance/plugin-ai-conformance-common';

const mixed = makeReport('1.35', {
  ai_inference: 'fail',
  gang_scheduling: 'unknown',
  gpu_sharing: 'not-applicable',
  accelerator_metrics: 'partial',
});

describe('formatTable', () => {
  it('has a header, one row per requirement and counts, without colour when disabled', () => {
    const text = formatTable([{ context: 'demo', report: mixed }], {
      style: createStyler(false),
    });
    expect(text).toContain('Verdict   not-conformant');
    expect(text).toContain('checklist v1.35, Kubernetes v1.35.2');
    expect(text).toMatch(/^ai_inference\s+MUST\s+fail\s+/m);
    expect(text).toMatch(/^gpu_sharing\s+SHOULD\s+not-applicable\s+/m);
    expect(text).toContain('MUST 6/9 met');
    expect(text).not.toContain('\u001b[');
    const rows = text.split('\n').filter(l => /^\w+\s+(MUST|SHOULD)\s/.test(l));
    expect(rows).toHaveLength(mixed.requirements.length);
  });

  it('colours statuses when enabled and cuts summaries to the width', () => {
    const text = formatTable([{ context: 'demo', report: mixed }], {
      style: createStyler(true),
      width: 80,
    });
    expect(text).toContain('\u001b[31mfail\u001b[39m');
    expect(text).toContain('…');
  });
});

describe('formatJUnit', () => {
  it('parses as JUnit XML with the expected counts and messages', () => {
    const xml = formatJUnit([{ context: 'demo', report: mixed }]);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: name => ['testsuite', 'testcase', 'property'].includes(name),
    }).parse(xml);
    const suite = doc.testsuites.testsuite[0];
    expect(suite['@_name']).toBe('ai-conformance v1.35');
    expect(Number(suite['@_tests'])).toBe(mixed.requirements.length);
    expect(suite['@_failures']).toBe('2');
    expect(suite['@_skipped']).toBe('2');
    const byName = new Map<string, any>(
      suite.testcase.map((tc: any) => [tc['@_name'], tc]),
    );
    const failed = byName.get('ai_inference (MUST)');
    expect(failed['@_classname']).toBe('networking');
    expect(failed.failure['@_message']).toContain('<reason & "quotes">');
    expect(byName.get('gang_scheduling (MUST)').skipped['@_message']).toMatch(
      /^unknown: .*needs list on gang_scheduling/,
    );
    expect(byName.get('dra_support (MUST)').failure).toBeUndefined();
    expect(byName.get('dra_support (MUST)').skipped).toBeUndefined();
  });

  it('writes one suite per context and an error case for a context that failed', () => {
    const xml = formatJUnit([
      { context: 'a', report: makeReport('1.34') },
      { context: 'b', error: { reason: 'tls', message: 'bad cert' } },
    ]);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.testsuites['@_errors']).toBe('1');
    expect(doc.testsuites.testsuite[0]['@_name']).toBe(
      'ai-conformance v1.34 (a)',
    );
  });
});

describe('formatCtrf', () => {
  it('maps statuses to CTRF and sums them', () => {
    const doc = JSON.parse(
      formatCtrf([{ context: 'demo', report: mixed }], { start: 1, stop: 2 }),
    );
    expect(doc.reportFormat).toBe('CTRF');
    expect(doc.results.tool.name).toBe('ai-conformance');
    expect(doc.results.summary).toMatchObject({
      tests: mixed.requirements.length,
      failed: 2,
      skipped: 2,
      passed: mixed.requirements.length - 4,
      start: 1,
      stop: 2,
    });
    const t = doc.results.tests.find(
      (x: any) => x.name === 'gang_scheduling (MUST)',
    );
    expect(t).toMatchObject({
      status: 'skipped',
      suite: 'schedulingOrchestration',
    });
    expect(t.message).toMatch(/^unknown: /);
  });
});

describe('formatMarkdown', () => {
  it('renders a table row per requirement and escapes pipes', () => {
    const report = makeReport('1.34', { ai_inference: 'fail' });
    report.requirements[0].summary = 'a | b';
    const md = formatMarkdown([{ context: 'demo', report }]);
    expect(md).toContain('# Kubernetes AI Conformance: demo');
    expect(md).toContain('- Checklist version: 1.34');
    expect(md).toMatch(
      /^\| .+ \(`ai_inference`\) \| networking \| MUST \| ❌ fail \|$/m,
    );
    expect(md).toContain('a \\| b');
    expect(md).toContain('kubectl apply -f x.yaml');
  });
});

describe('formatJson', () => {
  it('is the report itself for one context and entries for several', () => {
    const report = makeReport('1.34');
    expect(JSON.parse(formatJson([{ context: 'a', report }], false))).toEqual(
      report,
    );
    const many = JSON.parse(
      formatJson(
        [
          { context: 'a', report },
          { context: 'b', error: { reason: 'timeout', message: 'slow' } },
        ],
        true,
      ),
    );
    expect(many).toEqual([
      { context: 'a', report },
      { context: 'b', error: { reason: 'timeout', message: 'slow' } },
    ]);
  });
});

describe('buildProductYaml', () => {
  it('maps statuses, keeps ids and levels, and flags missing metadata and own descriptions', () => {
    const report = makeReport('1.34', {
      ai_inference: 'fail',
      gang_scheduling: 'unknown',
      cluster_autoscaling: 'not-applicable',
    });
    const { text, warnings } = buildProductYaml(report, {
      metadata: { platformName: 'Demo Platform' },
      generator: 'ai-conformance test',
    });
    const doc = parseYaml(text);
    expect(doc.metadata.kubernetesVersion).toBe('v1.34');
    expect(doc.metadata.platformName).toBe('Demo Platform');
    expect(doc.metadata.vendorName).toBe('[Vendor Name]');
    const items = new Map<string, any>(
      Object.values(doc.spec as Record<string, any[]>)
        .flat()
        .map(i => [i.id, i]),
    );
    expect(items.get('dra_support')).toMatchObject({
      level: 'MUST',
      status: 'Implemented',
      evidence: ['https://docs.example.com/dra_support'],
    });
    expect(items.get('ai_inference').status).toBe('Not Implemented');
    expect(items.get('gang_scheduling').status).toBe('');
    expect(items.get('gang_scheduling').notes).toMatch(/^Not determined/);
    expect(items.get('cluster_autoscaling').status).toBe('Implemented');
    expect(items.get('cluster_autoscaling').notes).toMatch(
      /rejects N\/A on a MUST/,
    );
    expect(Object.keys(doc.spec)).toEqual([
      'accelerators',
      'networking',
      'schedulingOrchestration',
      'observability',
      'security',
      'operator',
    ]);
    expect(text).toContain('not the official text');
    expect(warnings.join('\n')).toMatch(
      /metadata placeholders left for: platformVersion/,
    );
  });

  it('lists one evidence file per checked requirement when asked', () => {
    const report = makeReport('1.34', { gang_scheduling: 'unknown' });
    const { text, files } = buildProductYaml(report, {
      metadata: {},
      generator: 't',
      evidenceFiles: true,
    });
    const doc = parseYaml(text);
    expect(doc.spec.accelerators[0].evidence).toEqual([
      'https://docs.example.com/dra_support',
      'evidence/dra_support.md',
    ]);
    expect(doc.spec.schedulingOrchestration[0]).toMatchObject({
      id: 'gang_scheduling',
      evidence: [],
    });
    expect(files.map(f => f.path)).toHaveLength(report.requirements.length - 1);
    const dra = files.find(f => f.path === 'evidence/dra_support.md')!;
    expect(dra.content).toContain('# dra_support: Dynamic Resource Allocation');
    expect(dra.content).toContain('- Result: **pass** (passive)');
    expect(dra.content).toContain(
      '[dra_support object found](https://docs.example.com/dra_support)',
    );
  });

  it('uses the official descriptions when the official checklist is given', () => {
    const report = makeReport('1.34');
    const { text, warnings } = buildProductYaml(report, {
      metadata: {},
      official: {
        version: '1.34',
        items: report.requirements.map(r => ({
          id: r.id,
          category: r.category,
          level: r.level,
          description: `Official words for ${r.id}.`,
        })),
      },
      generator: 'ai-conformance test',
    });
    const doc = parseYaml(text);
    expect(doc.spec.networking[0].description).toBe(
      'Official words for ai_inference.',
    );
    expect(text).not.toContain('not the official text');
    expect(warnings.join('\n')).not.toMatch(/official wording/);
  });
});
