import type { StoreChange } from '../../store/ClusterStore';
import type { ClusterController, VirtualCluster } from '../VirtualCluster';

/**
 * A controller that reacts to the changes of its cluster's store and does its writes later (on a
 * timer), as a controller reacting to watch events does; `stop()` clears every timer.
 */
export abstract class ChangeDrivenController implements ClusterController {
  abstract readonly name: string;
  private active?: VirtualCluster;
  private unsubscribe?: () => void;
  private readonly timers = new Set<NodeJS.Timeout>();

  protected get cluster(): VirtualCluster {
    if (!this.active) throw new Error(`${this.name} has not started`);
    return this.active;
  }

  start(cluster: VirtualCluster): void {
    this.active = cluster;
    this.unsubscribe = cluster.store.onChange(c => this.changed(c));
  }

  stop(): void {
    this.unsubscribe?.();
    this.timers.forEach(t => clearTimeout(t));
    this.timers.clear();
  }

  /** Called synchronously for every change; writes go through `later`. */
  protected abstract changed(change: StoreChange): void;

  /** Runs `fn` after `ms` unless the controller stopped first. */
  protected later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
}
