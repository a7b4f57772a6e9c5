/**
 * disaggregated_inference (SHOULD): prefill and decode run as separate,
 * separately scalable workloads (llm-d, NVIDIA Dynamo, vLLM/SGLang on
 * LeaderWorkerSet).
 *
 * Workload roles come from labels: llm-d.ai/role, nvidia.com/dynamo-component-type
 * / dynamo component labels, or a generic role/component label whose value is
 * prefill or decode; Deployments and LeaderWorkerSets are examined.
 * - pass: both a prefill and a decode workload exist.
 * - partial: a disaggregated-serving platform (Dynamo CRDs, LeaderWorkerSet)
 *   is installed, or only one phase is deployed.
 * - fail: none of this is found.
 * - unknown: Deployments (or, when served, LeaderWorkerSets) cannot be read.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../snapshot/types';
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, groupServed, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef, qualifiedName } from './lib/objects';

const ID = 'disaggregated_inference';
const ROLE_LABELS = [
  'llm-d.ai/role',
  'nvidia.com/dynamo-component-type',
  'app.kubernetes.io/component',
  'role',
  'component',
];
const PLATFORMS = [
  {
    group: 'nvidia.com',
    resource: 'dynamographdeployments',
    name: 'NVIDIA Dynamo',
  },
  {
    group: 'leaderworkerset.x-k8s.io',
    resource: 'leaderworkersets',
    name: 'LeaderWorkerSet',
  },
];

function roleOf(o: KubeObject): 'prefill' | 'decode' | undefined {
  const labels = {
    ...(o.metadata.labels ?? {}),
    ...(o.spec?.template?.metadata?.labels ?? {}),
  };
  for (const key of ROLE_LABELS) {
    const v = String(labels[key] ?? '').toLowerCase();
    if (v.includes('prefill')) return 'prefill';
    if (v.includes('decode')) return 'decode';
  }
  return undefined;
}

export const disaggregatedInferenceCheck: Check = {
  id: ID,
  reads: [READS.deployments, READS.leaderworkersets],
  discoveryGroups: PLATFORMS.map(p => p.group),
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    const deployments = lookup(ctx, READS.deployments);
    const lws = lookup(ctx, READS.leaderworkersets);
    const errors = [
      dErr,
      deployments.state === 'failed' ? deployments.error : undefined,
      lws.state === 'failed' ? lws.error : undefined,
    ].filter((e): e is NonNullable<typeof e> => !!e);
    if (errors.length)
      return unknownOutcome(
        errors,
        'whether disaggregated inference is deployed',
        { remediation, links },
      );
    const workloads = [
      ...(deployments.state === 'ok' ? deployments.items : []),
      ...(lws.state === 'ok' ? lws.items : []),
    ];
    const evidence: Evidence[] = [];
    const roles = new Set<string>();
    for (const w of workloads) {
      const role = roleOf(w);
      if (!role) continue;
      roles.add(role);
      if (evidence.length < 10) {
        evidence.push({
          description: `${w.kind ?? 'Workload'} ${qualifiedName(
            w,
          )} serves the ${role} phase`,
          object: objectRef(
            w,
            w.apiVersion ?? 'apps/v1',
            w.kind ?? 'Deployment',
          ),
          fields: { role },
        });
      }
    }
    if (roles.has('prefill') && roles.has('decode')) {
      return outcome(
        'pass',
        'Separate prefill and decode workloads are deployed (disaggregated serving).',
        { evidence, links },
      );
    }
    const installed = PLATFORMS.filter(
      p =>
        groupServed(ctx, p.group).served &&
        (ctx.group(p.group)?.versions ?? []).some(v =>
          v.resources.some(r => r.name === p.resource),
        ),
    );
    for (const p of installed)
      evidence.push({
        description: `${p.name} is installed (${p.group} serves ${p.resource})`,
        fields: { 'discovery.group': p.group },
      });
    if (roles.size || installed.length) {
      return outcome(
        'partial',
        roles.size
          ? `Only the ${[...roles].join(
              ' and ',
            )} phase is deployed; disaggregated serving needs both prefill and decode.`
          : `${installed
              .map(p => p.name)
              .join(
                ', ',
              )} can run disaggregated serving, but no prefill/decode workloads are deployed.`,
        { evidence, remediation, links },
      );
    }
    return outcome(
      'fail',
      'No disaggregated inference solution (prefill/decode workloads, NVIDIA Dynamo, LeaderWorkerSet) was found.',
      { remediation, links },
    );
  },
};
