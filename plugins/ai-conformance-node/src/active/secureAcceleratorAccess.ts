import type { Evidence } from '@ai-conformance/plugin-ai-conformance-common';
import { isAcceleratorResource } from '../accelerators/acceleratorLabels';
import { ActiveInconclusive, ActiveObject } from './KubeOps';
import { parseNvidiaSmiList } from './nvidiaSmi';
import {
  buildPod,
  exitCode,
  freeOn,
  isReady,
  logEvidence,
  NVIDIA_GPU as GPU_RESOURCE,
  POD_PERMISSIONS,
  onNode,
  podsPath,
  waitForPodDone,
} from './pods';
import { StepOutcome, verdictOfSteps } from './stepVerdict';
import type { ActiveCheck, ActiveCheckContext } from './types';

const ID = 'secure_accelerator_access';
const DRA_DRIVER = 'gpu.nvidia.com';
const GRANTED_POD = 'aic-access-granted';
const NONE_POD = 'aic-access-none';
const CLAIM = 'aic-access-gpu';

/** How the accelerator is granted: device plugin or DRA. */
export type GrantMode =
  | { kind: 'device-plugin'; node: ActiveObject; resource: string }
  | {
      kind: 'dra';
      node: ActiveObject;
      deviceClass: string;
      version: string;
    };

/**
 * Detects the grant mode as the official suite does: nodes publishing
 * `nvidia.com/gpu` mean the device plugin; otherwise ResourceSlices of the
 * NVIDIA DRA driver with a DeviceClass selecting it mean DRA.
 */
export async function detectGrantMode(
  ctx: ActiveCheckContext,
): Promise<GrantMode> {
  const nodes = await ctx.kube.list('/api/v1/nodes');
  const gpuNodes = nodes.filter(
    n => isReady(n) && Number(n.status?.allocatable?.[GPU_RESOURCE] ?? 0) >= 1,
  );
  for (const n of gpuNodes) {
    if ((await freeOn(ctx, n, GPU_RESOURCE)) >= 1) {
      return { kind: 'device-plugin', node: n, resource: GPU_RESOURCE };
    }
  }
  if (gpuNodes.length > 0) {
    throw new ActiveInconclusive(
      `every ${GPU_RESOURCE} of the ${gpuNodes.length} GPU node(s) is taken by running pods: no capacity to test with`,
    );
  }

  const group = await ctx.kube.get('/apis/resource.k8s.io');
  const version: string | undefined = group?.preferredVersion?.version;
  if (version) {
    const slices = await ctx.kube.list(
      `/apis/resource.k8s.io/${version}/resourceslices`,
    );
    const slice = slices.find(
      s =>
        s.spec?.driver === DRA_DRIVER &&
        s.spec?.nodeName &&
        (s.spec?.devices ?? []).length > 0,
    );
    const node =
      slice && nodes.find(n => n.metadata.name === slice.spec.nodeName);
    if (slice && node) {
      const classes = await ctx.kube.list(
        `/apis/resource.k8s.io/${version}/deviceclasses`,
      );
      const cls =
        classes.find(c => c.metadata.name === DRA_DRIVER) ??
        classes.find(c =>
          JSON.stringify(c.spec?.selectors ?? []).includes(DRA_DRIVER),
        );
      if (cls) {
        return { kind: 'dra', node, deviceClass: cls.metadata.name, version };
      }
    }
  }
  const other = nodes.find(n =>
    Object.keys(n.status?.allocatable ?? {}).some(
      r => isAcceleratorResource(r) && !r.startsWith('nvidia.com/'),
    ),
  );
  throw new ActiveInconclusive(
    other
      ? `node ${other.metadata.name} has accelerators other than NVIDIA GPUs; this check lists devices with nvidia-smi only`
      : `no Ready node publishes ${GPU_RESOURCE} and no ResourceSlice of ${DRA_DRIVER} was found: no accelerator to test`,
  );
}

function claimBody(
  ctx: ActiveCheckContext,
  mode: Extract<GrantMode, { kind: 'dra' }>,
) {
  // v1beta1 names the class on the request; v1beta2 and v1 under `exactly`
  const request =
    mode.version === 'v1beta1'
      ? { name: 'gpu', deviceClassName: mode.deviceClass, count: 1 }
      : {
          name: 'gpu',
          exactly: {
            deviceClassName: mode.deviceClass,
            allocationMode: 'ExactCount',
            count: 1,
          },
        };
  return {
    apiVersion: `resource.k8s.io/${mode.version}`,
    kind: 'ResourceClaim',
    metadata: { name: CLAIM, namespace: ctx.namespace, labels: ctx.labels },
    spec: { devices: { requests: [request] } },
  };
}

type Seen = { count?: number; uuids: string[]; why?: string };

/** One subtest: unknown without a reading, pass when the count is as expected. */
function judge(
  name: string,
  seen: Seen,
  expected: number,
  detail: { pass: string; fail: string },
): StepOutcome {
  if (seen.count === undefined) {
    return { name, outcome: 'unknown', detail: seen.why ?? '' };
  }
  return seen.count === expected
    ? { name, outcome: 'pass', detail: detail.pass }
    : { name, outcome: 'fail', detail: detail.fail };
}

/** What one container saw: device count, or why it cannot be told. */
async function observe(
  ctx: ActiveCheckContext,
  pod: ActiveObject,
  container: string,
  granted: boolean,
  evidence: Evidence[],
): Promise<Seen> {
  const code = exitCode(pod, container);
  let log = '';
  try {
    log = await ctx.kube.logs(ctx.namespace, pod.metadata.name, container);
  } catch (e) {
    log = '';
    if (code === undefined) return { uuids: [], why: (e as Error).message };
  }
  const listing = parseNvidiaSmiList(log);
  const where = `container ${container} of pod ${pod.metadata.name}`;
  if (listing) {
    const uuids = listing.devices.map(d => d.uuid);
    evidence.push(
      logEvidence(
        pod,
        container,
        log,
        `${where} (${granted ? 'granted one device' : 'no grant'}) sees ${
          uuids.length
        } device(s)${uuids.length ? `: ${uuids.join(', ')}` : ''}`,
      ),
    );
    return { count: uuids.length, uuids };
  }
  const state = (pod.status?.containerStatuses ?? []).find(
    (s: any) => s.name === container,
  )?.state?.terminated;
  if (!granted && code === 127) {
    // the runtime injected no driver tools: nothing was exposed to it
    evidence.push(
      logEvidence(
        pod,
        container,
        log || String(state?.message ?? ''),
        `${where} (no grant): nvidia-smi is not even present (exit 127): the runtime exposed no device`,
      ),
    );
    return { count: 0, uuids: [] };
  }
  evidence.push(
    logEvidence(pod, container, log, `${where}: output not recognised`),
  );
  return {
    uuids: [],
    why: `${where} printed no device list (exit ${code ?? 'unknown'}${
      state?.message ? `: ${state.message}` : ''
    })`,
  };
}

/**
 * secure_accelerator_access: a container granted one accelerator sees
 * exactly that device; a pod without a grant on the same node sees none; a
 * second container without a grant in the granted pod sees none
 * (PositiveAccess / NegativeIsolation / MultiContainerIsolation).
 *
 * @public
 */
export const secureAcceleratorAccessActive: ActiveCheck = {
  id: ID,
  creates: [
    `Pod ${GRANTED_POD}: container "granted" with one accelerator (device plugin limit or DRA ResourceClaim ${CLAIM}) and container "second" without, both running nvidia-smi -L`,
    `Pod ${NONE_POD}: no grant, on the same node, running nvidia-smi -L`,
    `ResourceClaim ${CLAIM} (DRA mode only)`,
  ],
  permissions: [
    { group: '', resource: 'nodes', verbs: ['list'], scope: 'cluster' },
    ...POD_PERMISSIONS,
    {
      group: 'resource.k8s.io',
      resource: 'resourceslices',
      verbs: ['list'],
      scope: 'cluster',
    },
    {
      group: 'resource.k8s.io',
      resource: 'deviceclasses',
      verbs: ['list'],
      scope: 'cluster',
    },
    {
      group: 'resource.k8s.io',
      resource: 'resourceclaims',
      verbs: ['create', 'get', 'delete'],
      scope: 'run',
    },
  ],
  deadlineMs: 5 * 60_000,
  async run(ctx) {
    const evidence: Evidence[] = [];
    ctx.step('detect', 'looking for a node with an NVIDIA GPU');
    const mode = await detectGrantMode(ctx);
    ctx.step(
      'detect',
      `${
        mode.kind === 'dra'
          ? `DRA (DeviceClass ${mode.deviceClass})`
          : `device plugin (${mode.resource})`
      } on node ${mode.node.metadata.name}`,
    );
    evidence.push({
      description: `Grant mode: ${
        mode.kind === 'dra' ? 'DRA' : 'device plugin'
      }; test node ${mode.node.metadata.name}`,
      fields:
        mode.kind === 'dra'
          ? { mode: 'dra', deviceClass: mode.deviceClass }
          : { mode: 'device-plugin', resource: mode.resource },
    });
    const image = ctx.images.cuda;
    const command = ['nvidia-smi', '-L'];
    const nodeSelector = onNode(mode.node);
    if (mode.kind === 'dra') {
      await ctx.kube.create(
        `/apis/resource.k8s.io/${mode.version}/namespaces/${ctx.namespace}/resourceclaims`,
        claimBody(ctx, mode),
      );
    }
    ctx.step('create', `pods ${GRANTED_POD} and ${NONE_POD}`);
    await ctx.kube.create(
      podsPath(ctx.namespace),
      buildPod(ctx, GRANTED_POD, {
        nodeSelector,
        resourceClaims:
          mode.kind === 'dra'
            ? [{ name: 'gpu', resourceClaimName: CLAIM }]
            : undefined,
        containers: [
          {
            name: 'granted',
            image,
            command,
            ...(mode.kind === 'dra'
              ? { claims: ['gpu'] }
              : { limits: { [mode.resource]: '1' } }),
          },
          { name: 'second', image, command },
        ],
      }),
    );
    await ctx.kube.create(
      podsPath(ctx.namespace),
      buildPod(ctx, NONE_POD, {
        nodeSelector,
        containers: [{ name: 'none', image, command }],
      }),
    );
    ctx.step('wait', 'waiting for both pods to finish');
    const granted = await waitForPodDone(ctx, GRANTED_POD);
    const none = await waitForPodDone(ctx, NONE_POD);
    ctx.step('observe', 'reading what each container saw');
    const g = await observe(ctx, granted, 'granted', true, evidence);
    const s = await observe(ctx, granted, 'second', false, evidence);
    const n = await observe(ctx, none, 'none', false, evidence);

    const devices = (o: Seen) =>
      o.uuids.length ? `: ${o.uuids.join(', ')}` : '';
    const subs: StepOutcome[] = [
      judge('PositiveAccess', g, 1, {
        pass: `container granted of pod ${GRANTED_POD} sees exactly its device ${g.uuids[0]}`,
        fail: `container granted of pod ${GRANTED_POD} was granted one device but sees ${
          g.count
        }${devices(g)}`,
      }),
      judge('NegativeIsolation', n, 0, {
        pass: `pod ${NONE_POD} without a grant sees no device`,
        fail: `container none of pod ${NONE_POD} has no grant but sees ${
          n.count
        } device(s)${devices(n)}`,
      }),
      judge('MultiContainerIsolation', s, 0, {
        pass: `container second of pod ${GRANTED_POD} without a grant sees no device`,
        fail: `container second of pod ${GRANTED_POD} has no grant but sees ${
          s.count
        } device(s)${devices(s)}`,
      }),
    ];
    return verdictOfSteps(ID, subs, evidence, {
      failPrefix: 'Accelerator access is not isolated: ',
      unknownPrefix: 'Could not tell what every container sees: ',
      pass: `A granted container saw exactly its device; a pod and a second container without a grant saw none (${
        mode.kind === 'dra' ? 'DRA' : 'device plugin'
      }, node ${mode.node.metadata.name}).`,
    });
  },
};
