import { GkeClusterPlan } from '../gke/planGkeCluster';
import { renderCatalogInfo } from './renderCatalogInfo';
import { renderGcloudScript } from './renderGcloudScript';
import {
  INFERENCE_GATEWAY_MANIFEST,
  renderInferenceGateway,
} from './renderInferenceGateway';
import { renderReadme } from './renderReadme';
import { renderTerraform } from './renderTerraform';
import { ClusterLayout, renderWorkflow, workflowPath } from './renderWorkflow';

export interface RenderedFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  content: string;
  executable?: boolean;
}

/** Every file of a cluster: Terraform, gcloud script, workflow, README, entity. */
export function renderClusterFiles(
  plan: GkeClusterPlan,
  layout: ClusterLayout,
): RenderedFile[] {
  const under = (p: string) =>
    layout.directory ? `${layout.directory}/${p}` : p;
  const terraform = Object.entries(renderTerraform(plan)).map(
    ([name, content]) => ({ path: under(`terraform/${name}`), content }),
  );
  const gateway = renderInferenceGateway(plan);
  return [
    ...terraform,
    {
      path: under('scripts/create-cluster.sh'),
      content: renderGcloudScript(plan),
      executable: true,
    },
    ...(gateway
      ? [{ path: under(INFERENCE_GATEWAY_MANIFEST), content: gateway }]
      : []),
    { path: workflowPath(plan), content: renderWorkflow(plan, layout) },
    { path: under('README.md'), content: renderReadme(plan, layout) },
    { path: under('catalog-info.yaml'), content: renderCatalogInfo(plan) },
  ];
}
