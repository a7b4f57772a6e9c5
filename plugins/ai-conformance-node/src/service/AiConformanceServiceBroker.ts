import { ServiceUnavailableError } from '@backstage/errors';
import type {
  AiConformanceService,
  RequestRunOptions,
  RunFinishedListener,
} from './AiConformanceService';

/**
 * Options of {@link AiConformanceServiceBroker}.
 *
 * @public
 */
export interface AiConformanceServiceBrokerOptions {
  /** How long calls wait for the backend plugin to register (default 30 s). */
  registrationTimeoutMs?: number;
}

/**
 * The in-process meeting point between the AI Conformance backend plugin,
 * which registers its implementation at start-up, and consumers in other
 * plugins or modules, whose calls wait (bounded) until it has registered.
 * @public
 */
export class AiConformanceServiceBroker implements AiConformanceService {
  readonly #timeoutMs: number;
  readonly #listeners = new Set<RunFinishedListener>();
  #impl: AiConformanceService | undefined;
  #waiters: Array<(impl: AiConformanceService) => void> = [];

  constructor(options: AiConformanceServiceBrokerOptions = {}) {
    this.#timeoutMs = options.registrationTimeoutMs ?? 30_000;
  }

  /** Registers the implementation; a second registration is refused. */
  register(impl: AiConformanceService): void {
    if (this.#impl) {
      throw new Error('An AI Conformance service is already registered');
    }
    this.#impl = impl;
    impl.onRunFinished(async event => {
      for (const listener of [...this.#listeners]) {
        try {
          await listener(event);
        } catch {
          // A failing listener must not affect the run or other listeners.
        }
      }
    });
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach(resolve => resolve(impl));
  }

  /** True once the backend plugin has registered. */
  isRegistered(): boolean {
    return this.#impl !== undefined;
  }

  async getLatest(entityRef: string) {
    return (await this.#ready()).getLatest(entityRef);
  }

  async listLatest() {
    return (await this.#ready()).listLatest();
  }

  async listSummaries() {
    return (await this.#ready()).listSummaries();
  }

  async requestRun(entityRef: string, options?: RequestRunOptions) {
    return (await this.#ready()).requestRun(entityRef, options);
  }

  async getRun(runId: string) {
    return (await this.#ready()).getRun(runId);
  }

  onRunFinished(listener: RunFinishedListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #ready(): Promise<AiConformanceService> {
    if (this.#impl) {
      return Promise.resolve(this.#impl);
    }
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined = undefined;
      const onReady = (impl: AiConformanceService) => {
        clearTimeout(timer);
        resolve(impl);
      };
      timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter(w => w !== onReady);
        reject(
          new ServiceUnavailableError(
            `The AI Conformance backend plugin did not register within ${
              this.#timeoutMs
            } ms; is @ai-conformance/plugin-ai-conformance-backend installed?`,
          ),
        );
      }, this.#timeoutMs);
      this.#waiters.push(onReady);
    });
  }
}
