import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { AiConformanceServiceBroker } from './AiConformanceServiceBroker';

/**
 * The AI Conformance service shared by every plugin and module of one
 * backend process. Root-scoped: the backend plugin registers its
 * implementation with `register(impl)` at init; consumers (catalog module,
 * Tech Insights, scaffolder...) call the other methods, which wait until
 * the implementation is registered.
 * @public
 */
export const aiConformanceServiceRef =
  createServiceRef<AiConformanceServiceBroker>({
    id: 'ai-conformance.service',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => new AiConformanceServiceBroker(),
      }),
  });
