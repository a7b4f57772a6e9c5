import type { KubeObject } from '../types';
import { hexOf, timestampAt, uidOf } from './objectIds';

/** What a generated pod needs. */
export interface PodSeed {
  name: string;
  namespace: string;
  nodeName: string;
  image: string;
  labels?: Record<string, string>;
  owner?: { kind: string; name: string; apiVersion: string };
  requests?: Record<string, string>;
  tolerations?: Array<Record<string, string>>;
  phase?: string;
  createdOffset: number;
  podIp: string;
  serviceAccount?: string;
}

const imageIds = new Map<string, string>();

function imageIdOf(image: string): string {
  let id = imageIds.get(image);
  if (!id) {
    id = `${image.split(':')[0].split('@')[0]}@sha256:${hexOf(
      `image:${image}`,
      64,
    )}`;
    imageIds.set(image, id);
  }
  return id;
}

function containerName(image: string): string {
  const last = image.split('/').pop() ?? 'main';
  return (
    last
      .split(':')[0]
      .split('@')[0]
      .replace(/[^a-z0-9-]/g, '-')
      .slice(0, 63) || 'main'
  );
}

function containerState(phase: string, started: string) {
  if (phase === 'Running') return { running: { startedAt: started } };
  if (phase === 'Succeeded') {
    return {
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: started,
        finishedAt: started,
      },
    };
  }
  return { waiting: { reason: 'ContainerCreating' } };
}

/** Builds a Pod object the way the kubelet reports a scheduled one. */
export function buildPod(seed: PodSeed): KubeObject {
  const phase = seed.phase ?? 'Running';
  const ready = phase === 'Running' ? 'True' : 'False';
  const created = timestampAt(seed.createdOffset);
  const started = timestampAt(seed.createdOffset + 4);
  const name = containerName(seed.image);
  const requests = { cpu: '100m', memory: '128Mi', ...seed.requests };
  const limits: Record<string, string> = {};
  for (const [k, v] of Object.entries(requests)) {
    if (k.includes('/')) limits[k] = v;
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: seed.name,
      namespace: seed.namespace,
      uid: uidOf(`pod:${seed.namespace}/${seed.name}`),
      resourceVersion: String(5000 + (seed.createdOffset % 100000)),
      creationTimestamp: created,
      labels: seed.labels ?? {},
      ...(seed.owner
        ? {
            ownerReferences: [
              {
                apiVersion: seed.owner.apiVersion,
                kind: seed.owner.kind,
                name: seed.owner.name,
                uid: uidOf(
                  `${seed.owner.kind}:${seed.namespace}/${seed.owner.name}`,
                ),
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: {
      nodeName: seed.nodeName,
      schedulerName: 'default-scheduler',
      serviceAccountName: seed.serviceAccount ?? 'default',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      containers: [
        {
          name,
          image: seed.image,
          imagePullPolicy: 'IfNotPresent',
          resources: {
            requests,
            ...(Object.keys(limits).length ? { limits } : {}),
          },
        },
      ],
      ...(seed.tolerations ? { tolerations: seed.tolerations } : {}),
    },
    status: {
      phase,
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({
        type,
        status:
          type === 'PodScheduled' || type === 'Initialized' ? 'True' : ready,
        lastProbeTime: null,
        lastTransitionTime: started,
      })),
      hostIP: '10.128.0.2',
      podIP: seed.podIp,
      podIPs: [{ ip: seed.podIp }],
      startTime: created,
      qosClass: 'Burstable',
      containerStatuses: [
        {
          name,
          image: seed.image,
          imageID: imageIdOf(seed.image),
          containerID: `containerd://${hexOf(
            `c:${seed.namespace}/${seed.name}`,
            64,
          )}`,
          ready: phase === 'Running',
          started: phase === 'Running',
          restartCount: 0,
          state: containerState(phase, started),
        },
      ],
    },
  };
}

/** A pod IP derived from a counter. */
export function podIpFor(counter: number): string {
  return `10.${64 + (Math.floor(counter / 65536) % 64)}.${
    Math.floor(counter / 256) % 256
  }.${(counter % 254) + 1}`;
}
