/**
 * pod_autoscaling (conditional MUST): HPA can scale on custom metrics.
 *
 * - not-applicable: autoscaling/v2 is not served (the platform does not
 *   support the HPA), with the CNCF-validator caveat.
 * - pass: an APIService for custom.metrics.k8s.io or external.metrics.k8s.io
 *   is Available=True.
 * - fail: such APIServices exist but none is Available (the APIService and
 *   its condition reason/message are the evidence), or none exists.
 * - unknown: discovery failed or APIServices cannot be listed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { discoveryError, lookup } from './lib/readAccess';
import { notApplicable, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import {
  conditionFields,
  conditionIsTrue,
  getCondition,
  objectRef,
} from './lib/objects';

const ID = 'pod_autoscaling';
const METRICS_GROUPS = ['custom.metrics.k8s.io', 'external.metrics.k8s.io'];

export const podAutoscalingCheck: Check = {
  id: ID,
  reads: [READS.apiservices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const dErr = discoveryError(ctx);
    if (dErr)
      return unknownOutcome(
        [dErr],
        'whether the HPA and a custom metrics API are available',
        { remediation, links },
      );
    if (!ctx.served('autoscaling', 'v2')) {
      return notApplicable(
        ctx,
        'autoscaling/v2 is not served, so the platform does not offer the HorizontalPodAutoscaler',
        { links },
      );
    }
    const hpa: Evidence = {
      description: 'autoscaling/v2 (HorizontalPodAutoscaler) is served',
      fields: { 'discovery.autoscaling': 'v2' },
    };
    const services = lookup(ctx, READS.apiservices);
    if (services.state === 'failed') {
      return unknownOutcome(
        [services.error],
        'whether a custom metrics API is available',
        { evidence: [hpa], remediation, links },
      );
    }
    const metrics = (services.state === 'ok' ? services.items : []).filter(s =>
      METRICS_GROUPS.includes(String(s.spec?.group ?? '')),
    );
    const evidence: Evidence[] = [
      hpa,
      ...metrics.map(s => ({
        description: `APIService ${s.metadata.name} is ${
          conditionIsTrue(s, 'Available') ? 'Available' : 'not Available'
        }`,
        object: objectRef(s, 'apiregistration.k8s.io/v1', 'APIService'),
        fields: {
          ...(s.spec?.service
            ? {
                'spec.service': `${s.spec.service.namespace}/${s.spec.service.name}`,
              }
            : {}),
          ...conditionFields(s, 'Available'),
        },
      })),
    ];
    const available = metrics.filter(s => conditionIsTrue(s, 'Available'));
    if (available.length) {
      return outcome(
        'pass',
        `HPA is served and the metrics API ${available
          .map(s => s.metadata.name)
          .join(', ')} is Available, so pods can scale on custom metrics.`,
        { evidence, links },
      );
    }
    if (metrics.length) {
      const down = metrics
        .map(s => {
          const c = getCondition(s, 'Available');
          return `${s.metadata.name} Available=${c?.status ?? 'absent'}${
            c?.reason
              ? ` (${c.reason}${c.message ? `: ${c.message}` : ''})`
              : ''
          }`;
        })
        .join('; ');
      return outcome(
        'fail',
        `The custom metrics API is registered but not available: ${down}.`,
        { evidence, remediation, links },
      );
    }
    return outcome(
      'fail',
      'HPA is served but no custom or external metrics API (APIService for custom.metrics.k8s.io / external.metrics.k8s.io) is registered, so pods cannot scale on AI metrics.',
      { evidence, remediation, links },
    );
  },
};
