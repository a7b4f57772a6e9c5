/**
 * ai_inference: the Gateway API with a working implementation.
 *
 * - pass: gateway.networking.k8s.io serves gatewayclasses, gateways and
 *   httproutes, and at least one GatewayClass has Accepted=True (an
 *   implementation is running). The CRD bundle-version is added when the CRD
 *   read is allowed; it only adds detail.
 * - partial: an Accepted class exists but HTTPRoute or Gateway is not served.
 * - fail: the group is not served, or no GatewayClass is Accepted.
 * - unknown: discovery or the GatewayClass read failed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { groupServed, lookup } from './lib/readAccess';
import { optionalReadNotes, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  GATEWAY_GROUP,
  acceptedClasses,
  bundleVersion,
  gatewayClassEvidence,
} from './lib/gateway';

const ID = 'ai_inference';

export const aiInferenceCheck: Check = {
  id: ID,
  reads: [READS.gatewayclasses, READS.crds],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const g = groupServed(ctx, GATEWAY_GROUP);
    if (g.error)
      return unknownOutcome([g.error], 'whether the Gateway API is installed', {
        remediation,
        links,
      });
    if (!g.served) {
      return outcome(
        'fail',
        `The Gateway API (${GATEWAY_GROUP}) is not installed.`,
        { remediation, links },
      );
    }
    const classes = lookup(ctx, READS.gatewayclasses);
    if (classes.state === 'failed') {
      return unknownOutcome(
        [classes.error],
        'whether a Gateway API implementation is running',
        { remediation, links },
      );
    }
    const all = classes.state === 'ok' ? classes.items : [];
    const accepted = acceptedClasses(all);
    const evidence: Evidence[] = [];
    const notes: string[] = [];
    const crds = lookup(ctx, READS.crds);
    if (crds.state === 'ok') {
      const bundle = bundleVersion(crds.items);
      if (bundle) {
        evidence.push({
          description: `Gateway API CRDs bundle ${bundle}`,
          fields: {
            'metadata.annotations[gateway.networking.k8s.io/bundle-version]':
              bundle,
          },
        });
      }
    } else if (crds.state === 'failed') {
      notes.push(...optionalReadNotes([crds.error]));
    }
    const served = new Set(
      (ctx.group(GATEWAY_GROUP)?.versions ?? []).flatMap(v =>
        v.resources.map(r => r.name),
      ),
    );
    evidence.push({
      description: `${GATEWAY_GROUP} serves ${[...served].sort().join(', ')}`,
      fields: { 'discovery.resources': [...served].sort().join(',') },
    });
    if (!accepted.length) {
      evidence.push(...all.map(gatewayClassEvidence));
      if (ctx.platform === 'gke' && !all.length) {
        notes.push(
          'On GKE the gke-l7-* GatewayClasses can take a few minutes to appear after the Gateway API is enabled; run the check again if it was enabled just now.',
        );
      }
      return outcome(
        'fail',
        all.length
          ? `Gateway API CRDs are installed but none of the ${all.length} GatewayClass(es) is Accepted: no implementation is running.`
          : 'Gateway API CRDs are installed but there is no GatewayClass: no implementation is installed.',
        { evidence, remediation, links, notes },
      );
    }
    evidence.push(...accepted.map(gatewayClassEvidence));
    const missing = ['gateways', 'httproutes'].filter(r => !served.has(r));
    if (missing.length) {
      return outcome(
        'partial',
        `GatewayClass ${
          accepted[0].metadata.name
        } is Accepted but ${missing.join(' and ')} ${
          missing.length > 1 ? 'are' : 'is'
        } not served, so weighted and header-based routes cannot be declared.`,
        { evidence, remediation, links, notes },
      );
    }
    return outcome(
      'pass',
      `Gateway API is installed and ${
        accepted.length
      } GatewayClass(es) are Accepted (${accepted
        .map(c => c.metadata.name)
        .join(', ')}); HTTPRoute supports weighted and header-based routing.`,
      { evidence, links, notes },
    );
  },
};
