/**
 * workload_sandboxing (SHOULD, 1.37): a sandbox runtime isolates workloads
 * from the host kernel (gVisor, Kata Containers; GKE Sandbox's RuntimeClass
 * is `gvisor`) or the agent-sandbox API (agents.x-k8s.io) is installed.
 *
 * - pass: a RuntimeClass whose name or handler names a sandbox runtime, or
 *   the agent-sandbox API group is served.
 * - partial: a RuntimeClass whose handler is neither a known sandbox nor a
 *   plain container runtime (runc, crun, youki, nvidia): it may be a sandbox
 *   the engine does not know; a dry run of a pod with it would settle it.
 * - fail: only plain container runtimes (or no RuntimeClass) and no
 *   agent-sandbox API.
 * - unknown: RuntimeClasses cannot be listed (and agent-sandbox is not served).
 */
import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import type { Check } from './types';
import { READS } from './lib/reads';
import { groupServed, lookup } from './lib/readAccess';
import { outcome, unknownOutcome } from './lib/outcomes';
import { linksFor, remediationFor } from './lib/remediation';
import { objectRef } from './lib/objects';

const ID = 'workload_sandboxing';
const SANDBOX = /gvisor|runsc|kata|sandbox|firecracker|clh|qemu/i;
const AGENT_GROUP = 'agents.x-k8s.io';
/** Handlers that run ordinary containers on the host kernel. */
const PLAIN = /^(runc|crun|youki|nvidia([-_].*)?|default|docker|containerd)$/i;

export const workloadSandboxingCheck: Check = {
  id: ID,
  reads: [READS.runtimeclasses],
  evaluate(ctx) {
    const remediation = remediationFor(ID, ctx.platform);
    const links = linksFor(ID);
    const evidence: Evidence[] = [];
    const agents = groupServed(ctx, AGENT_GROUP);
    if (agents.served)
      evidence.push({
        description: `The agent-sandbox API (${AGENT_GROUP}) is served`,
        fields: { 'discovery.group': AGENT_GROUP },
      });
    const classes = lookup(ctx, READS.runtimeclasses);
    if (classes.state === 'ok') {
      for (const rc of classes.items) {
        const handler = String((rc as any).handler ?? '');
        if (SANDBOX.test(rc.metadata.name) || SANDBOX.test(handler)) {
          evidence.push({
            description: `RuntimeClass ${rc.metadata.name} runs pods in a sandbox (handler ${handler})`,
            object: objectRef(rc, 'node.k8s.io/v1', 'RuntimeClass'),
            fields: { handler },
          });
        }
      }
    }
    if (evidence.length) {
      return outcome(
        'pass',
        `Sandboxed workloads are available: ${evidence
          .map(e => e.description)
          .join('; ')}.`,
        { evidence, links },
      );
    }
    const unrecognised =
      classes.state === 'ok'
        ? classes.items.filter(
            rc => !PLAIN.test(String((rc as any).handler ?? '')),
          )
        : [];
    if (unrecognised.length) {
      return outcome(
        'partial',
        `RuntimeClass(es) ${unrecognised
          .map(
            rc =>
              `${rc.metadata.name} (handler ${String(
                (rc as any).handler ?? '',
              )})`,
          )
          .join(
            ', ',
          )} use a handler that is not a plain container runtime; the engine cannot tell whether it sandboxes pods.`,
        {
          evidence: unrecognised.map(rc => ({
            description: `RuntimeClass ${
              rc.metadata.name
            } uses handler ${String((rc as any).handler ?? '')}`,
            object: objectRef(rc, 'node.k8s.io/v1', 'RuntimeClass'),
            fields: { handler: String((rc as any).handler ?? '') },
          })),
          remediation,
          links,
        },
      );
    }
    const errors = [
      ...(agents.error ? [agents.error] : []),
      ...(classes.state === 'failed' ? [classes.error] : []),
    ];
    if (errors.length)
      return unknownOutcome(errors, 'whether a sandbox runtime is available', {
        remediation,
        links,
      });
    return outcome(
      'fail',
      'No sandbox RuntimeClass (gVisor, Kata) and no agent-sandbox API were found.',
      { remediation, links },
    );
  },
};
