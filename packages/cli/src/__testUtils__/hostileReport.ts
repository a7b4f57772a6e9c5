import type { ConformanceReport } from '@ai-conformance/plugin-ai-conformance-common';
import { makeReport } from './reportFixtures';

/**
 * Strings a cluster controls (object names, labels, condition messages,
 * evidence fields) that try to break out of each output format.
 */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  details: '</summary></details><script>alert(2)</script><details>',
  ticks: 'a` <b>x</b> ``` ``',
  heading: 'ok\n# Injected heading\n\n## Another',
  link: '[click me](https://evil.example) ![i](https://evil.example/i.png)',
  table: 'a | b\n| --- | --- |\n| c | d |',
  control: 'bell\u0007 esc\u001b[31m nul\u0000 ff\u000c lone\ud800 end\uffff',
  crlf: 'line1\r\nline2\rline3',
};

const ALL = Object.values(HOSTILE).join(' ');

/**
 * A report over the real 1.34 catalog whose every cluster-controlled
 * string is hostile: cluster name and version, summaries, evidence,
 * errors, notes, remediation, findings.
 */
export function hostileReport(): ConformanceReport {
  const report = makeReport('1.34', {
    ai_inference: 'fail',
    gang_scheduling: 'unknown',
    gpu_sharing: 'partial',
  });
  report.cluster.name = `${HOSTILE.script}${HOSTILE.heading}`;
  report.cluster.kubernetesVersion = HOSTILE.img;
  report.cluster.server = 'https://user:secret-pass@10.0.0.1:6443';
  report.requirements = report.requirements.map((r, i) => ({
    ...r,
    title: `${r.title} ${HOSTILE.details}`,
    summary: `${Object.values(HOSTILE)[i % 9]} | ${HOSTILE.table}`,
    evidence: [
      {
        description: `${HOSTILE.img} ${HOSTILE.link}`,
        // eslint-disable-next-line no-script-url
        url: i % 2 ? 'javascript:alert(1)' : 'https://docs.example/a) [x](y',
        object: {
          apiVersion: 'v1',
          kind: HOSTILE.details,
          namespace: HOSTILE.ticks,
          name: HOSTILE.heading,
        },
        fields: { [HOSTILE.ticks]: HOSTILE.control },
      },
    ],
    errors: [
      {
        read: HOSTILE.ticks,
        outcome: 'forbidden',
        message: HOSTILE.details,
        hint: HOSTILE.heading,
      },
    ],
    remediation: [
      {
        description: HOSTILE.link,
        command: `kubectl get ${HOSTILE.ticks}\n\`\`\`\n# out\n${HOSTILE.script}`,
      },
    ],
    notes: [HOSTILE.crlf, HOSTILE.control],
  }));
  report.findings = [
    { id: HOSTILE.heading, severity: 'warning', summary: ALL },
  ];
  return report;
}
