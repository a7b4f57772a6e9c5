/** Gateway API facts shared by ai_inference and advanced_inference_ingress. */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { KubeObject } from '../../snapshot/types';
import { conditionFields, conditionIsTrue, objectRef } from './objects';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const BUNDLE_VERSION_ANNOTATION =
  'gateway.networking.k8s.io/bundle-version';

export function acceptedClasses(classes: KubeObject[]): KubeObject[] {
  return classes.filter(c => conditionIsTrue(c, 'Accepted'));
}

export function gatewayClassEvidence(c: KubeObject): Evidence {
  return {
    description: `GatewayClass ${c.metadata.name} (${
      c.spec?.controllerName ?? 'unknown controller'
    }) is ${conditionIsTrue(c, 'Accepted') ? 'Accepted' : 'not Accepted'}`,
    object: objectRef(c, `${GATEWAY_GROUP}/v1`, 'GatewayClass'),
    fields: {
      'spec.controllerName': String(c.spec?.controllerName ?? ''),
      ...conditionFields(c, 'Accepted'),
    },
  };
}

/** The Gateway API release from the CRDs' bundle-version annotation. */
export function bundleVersion(crds: KubeObject[]): string | undefined {
  for (const c of crds) {
    if (c.spec?.group !== GATEWAY_GROUP) continue;
    const v = c.metadata.annotations?.[BUNDLE_VERSION_ANNOTATION];
    if (v) return v;
  }
  return undefined;
}
