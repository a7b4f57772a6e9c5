import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ClusterApiService } from '../service/ClusterApiService';
import type { RunManager } from '../service/RunManager';
import { registerExplainAiConformanceRequirementAction } from './explainAiConformanceRequirementAction';
import { registerGetClusterAiConformanceAction } from './getClusterAiConformanceAction';
import { registerListClustersAiConformanceAction } from './listClustersAiConformanceAction';
import { registerRunAiConformanceCheckAction } from './runAiConformanceCheckAction';

/**
 * Offers the AI Conformance actions to the actions registry (and so to MCP
 * clients through `@backstage/plugin-mcp-actions-backend`). Each runs with
 * the caller's credentials through the same services as the HTTP routes.
 */
export function registerActions(
  registry: ActionsRegistryService,
  deps: { api: ClusterApiService; runs: RunManager; catalog: CatalogService },
): void {
  registerGetClusterAiConformanceAction(registry, deps);
  registerListClustersAiConformanceAction(registry, deps);
  registerExplainAiConformanceRequirementAction(registry);
  registerRunAiConformanceCheckAction(registry, deps);
}
