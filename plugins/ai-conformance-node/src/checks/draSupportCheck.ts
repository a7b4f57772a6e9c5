/**
 * dra_support: the DRA APIs (resource.k8s.io) are served.
 *
 * - pass: resource.k8s.io/v1 serves deviceclasses, resourceclaims,
 *   resourceclaimtemplates and resourceslices (for the 1.33 checklist a beta
 *   version is enough). Installed drivers (DeviceClasses, ResourceSlices) are
 *   added as evidence; none installed is a note, not a failure.
 * - partial: v1 is served but some of the four resources are missing.
 * - fail: resource.k8s.io not served, or only in beta where the checklist
 *   (1.34 and later) expects the GA v1 API: beta DRA is off by default and
 *   outside Kubernetes conformance.
 * - unknown: discovery failed.
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { groupServed, lookup } from './lib/readAccess';
import { optionalReadNotes, outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';

const ID = 'dra_support';
const GROUP = 'resource.k8s.io';
const RESOURCES = [
  'deviceclasses',
  'resourceclaims',
  'resourceclaimtemplates',
  'resourceslices',
];

export const draSupportCheck: Check = {
  id: ID,
  reads: [READS.deviceclasses, READS.resourceslices],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const g = groupServed(ctx, GROUP);
    if (g.error)
      return unknownOutcome([g.error], 'whether the DRA APIs are served', {
        remediation,
        links,
      });
    if (!g.served) {
      return outcome(
        'fail',
        `The DRA API group ${GROUP} is not served by this cluster.`,
        { remediation, links },
      );
    }
    const versions = ctx.group(GROUP)?.versions ?? [];
    const v1 = versions.find(v => v.version === 'v1');
    const betaOk = ctx.requirementsVersion === '1.33';
    const best = v1 ?? (betaOk ? versions[0] : undefined);
    const evidence: Evidence[] = [
      {
        description: `${GROUP} is served in ${versions
          .map(v => v.version)
          .join(', ')}`,
        fields: {
          'discovery.versions': versions.map(v => v.version).join(','),
        },
      },
    ];
    const notes: string[] = [];
    const names = new Set(
      (best ?? versions[0])?.resources.map(r => r.name) ?? [],
    );
    const missing = RESOURCES.filter(r => !names.has(r));
    const drivers = new Set<string>();
    const classes = lookup(ctx, READS.deviceclasses);
    const slices = lookup(ctx, READS.resourceslices);
    for (const l of [classes, slices]) {
      if (l.state === 'failed') notes.push(...optionalReadNotes([l.error]));
    }
    if (classes.state === 'ok' && classes.items.length) {
      evidence.push({
        description: `DeviceClasses: ${classes.items
          .map(c => c.metadata.name)
          .join(', ')}`,
        fields: { deviceClasses: classes.items.length },
      });
    }
    if (slices.state === 'ok') {
      for (const s of slices.items)
        if (s.spec?.driver) drivers.add(String(s.spec.driver));
      if (drivers.size) {
        evidence.push({
          description: `DRA drivers publishing ResourceSlices: ${[
            ...drivers,
          ].join(', ')}`,
          fields: { 'resourceslices.drivers': [...drivers].join(',') },
        });
      } else {
        notes.push(
          'No DRA driver publishes ResourceSlices yet; the APIs are ready for one.',
        );
      }
    }
    if (!best) {
      return outcome(
        'fail',
        `${GROUP} is served only in beta (${versions
          .map(v => v.version)
          .join(', ')}); checklist ${
          ctx.requirementsVersion
        } expects the GA v1 API.`,
        { evidence, remediation, links, notes },
      );
    }
    if (missing.length) {
      return outcome(
        'partial',
        `${GROUP}/${best.version} is served but lacks ${missing.join(', ')}.`,
        { evidence, remediation, links, notes },
      );
    }
    return outcome(
      'pass',
      `DRA APIs are served (${GROUP}/${best.version}: ${RESOURCES.join(', ')})${
        drivers.size ? `; drivers: ${[...drivers].join(', ')}` : ''
      }.`,
      { evidence, links, notes },
    );
  },
};
