import {
  startContainerApiSim,
  startKubeSim,
  type ContainerApiSim,
  type KubeSim,
} from '@ai-conformance/kube-sim';
import { containerApiFactory, ContainerApiFactory } from '../gke/containerApi';

/**
 * A kube-sim with the Container API double, and the real
 * `@google-cloud/container` client pointed at it (REST over HTTP, the
 * double's service-account key file), as the module builds it from config.
 */
export async function startGkeDouble(): Promise<{
  kubeSim: KubeSim;
  sim: ContainerApiSim;
  containerApi: ContainerApiFactory;
  stop(): Promise<void>;
}> {
  const kubeSim = await startKubeSim({
    clusters: [{ name: 'seed', scenario: 'vanilla-1.36-cpu' }],
    metrics: false,
  });
  const sim = await startContainerApiSim({
    kubeSim,
    delays: { pendingMs: 50, createMs: 300, deleteMs: 50, nodePoolMs: 50 },
    workloadDelayMs: 100,
  });
  return {
    kubeSim,
    sim,
    containerApi: containerApiFactory({
      endpoint: sim.url,
      keyFile: sim.keyFile,
    }),
    async stop() {
      await sim.stop();
      await kubeSim.stop();
    },
  };
}
