import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderClusterFiles } from './renderClusterFiles';

describe('renderClusterFiles', () => {
  it('lists every file, under the directory except the workflow', () => {
    const files = renderClusterFiles(planGkeCluster(exampleSpec()), {
      directory: 'clusters/gke-ai-dev',
    });
    expect(files.map(f => f.path).sort()).toEqual([
      '.github/workflows/cluster-gke-ai-dev.yaml',
      'clusters/gke-ai-dev/README.md',
      'clusters/gke-ai-dev/catalog-info.yaml',
      'clusters/gke-ai-dev/scripts/create-cluster.sh',
      'clusters/gke-ai-dev/terraform/addons.tf',
      'clusters/gke-ai-dev/terraform/cluster.tf',
      'clusters/gke-ai-dev/terraform/outputs.tf',
      'clusters/gke-ai-dev/terraform/providers.tf',
      'clusters/gke-ai-dev/terraform/variables.tf',
      'clusters/gke-ai-dev/terraform/versions.tf',
    ]);
    expect(files.filter(f => f.executable).map(f => f.path)).toEqual([
      'clusters/gke-ai-dev/scripts/create-cluster.sh',
    ]);
  });

  it('writes a README with the pools, the CI variables and the DRA trade-offs', () => {
    const files = renderClusterFiles(
      planGkeCluster(
        exampleSpec({
          draPool: {
            enabled: true,
            accelerator: 'nvidia-l4',
            machineType: 'g2-standard-8',
          },
        }),
      ),
      { directory: '' },
    );
    const readme = files.find(f => f.path === 'README.md')!.content;
    expect(readme).toContain('# gke-ai-dev');
    expect(readme).toContain(
      '- `l4-pool`: g2-standard-8, 1 × nvidia-l4 per node, 0–4 nodes',
    );
    expect(readme).toContain(
      '- `l4-dra`: g2-standard-8, 1 × nvidia-l4 per node, 0–2 nodes',
    );
    expect(readme).toContain('`TF_STATE_BUCKET`');
    expect(readme).toContain('`terraform/`');
    expect(readme).toMatch(
      /## Notes\n\n- The DRA pool runs without GKE-managed drivers/,
    );
  });
});
