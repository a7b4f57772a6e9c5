/**
 * Types of the backend's HTTP API, generated from its `openapi.yaml` (run
 * `node plugins/ai-conformance-backend/scripts/generate-openapi.js` after
 * editing the spec). The backend's handlers and the frontend client are typed
 * from these, so a change to the spec that either side misses fails `tsc`.
 */
import type { operations } from './openapi.generated';

export type {
  paths as AiConformanceHttpPaths,
  components as AiConformanceHttpComponents,
  operations as AiConformanceHttpOperations,
} from './openapi.generated';

/**
 * The JSON body of an operation's response with the given status.
 *
 * @public
 */
export type AiConformanceHttpJson<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]['responses'] = 200 &
    keyof operations[Operation]['responses'],
> = operations[Operation]['responses'][Status] extends {
  content: { 'application/json': infer Body };
}
  ? Body
  : never;
