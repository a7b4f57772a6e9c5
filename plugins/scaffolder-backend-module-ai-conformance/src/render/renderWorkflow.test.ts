import { parse } from 'yaml';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { planGkeCluster } from '../gke/planGkeCluster';
import { renderWorkflow, workflowPath } from './renderWorkflow';

describe('renderWorkflow', () => {
  const plan = planGkeCluster(
    exampleSpec({ checklistVersion: '1.35', gkeVersion: '1.35.0-gke.2232000' }),
  );

  it('plans on pull requests and applies on main, in the cluster directory', () => {
    const workflow = parse(
      renderWorkflow(plan, { directory: 'clusters/gke-ai-dev' }),
    );
    expect(workflowPath(plan)).toBe(
      '.github/workflows/cluster-gke-ai-dev.yaml',
    );
    expect(workflow.on.pull_request.paths).toEqual([
      'clusters/gke-ai-dev/terraform/**',
      '.github/workflows/cluster-gke-ai-dev.yaml',
    ]);
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions['id-token']).toBe('write');
    expect(workflow.jobs.plan.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.plan.defaults.run['working-directory']).toBe(
      'clusters/gke-ai-dev/terraform',
    );
    const planRuns = workflow.jobs.plan.steps
      .map((s: any) => s.run)
      .filter(Boolean);
    expect(planRuns).toEqual([
      'terraform init -input=false -backend-config="bucket=${{ vars.TF_STATE_BUCKET }}"',
      'terraform fmt -check',
      'terraform validate',
      'terraform plan -input=false -no-color',
    ]);
    expect(workflow.jobs.apply.if).toContain("github.ref == 'refs/heads/main'");
  });

  it('checks the cluster with the CLI after apply and uploads the report', () => {
    const workflow = parse(renderWorkflow(plan, { directory: '' }));
    expect(workflow.jobs.plan.defaults.run['working-directory']).toBe(
      'terraform',
    );
    const steps = workflow.jobs.apply.steps;
    const names = steps.map((s: any) => s.name ?? s.uses);
    expect(names.indexOf('terraform apply')).toBeLessThan(
      names.indexOf('AI Conformance check'),
    );
    const check = steps.find((s: any) => s.name === 'AI Conformance check');
    expect(check.run).toContain(
      'ai-conformance/cli check --requirements-version 1.35 --output json',
    );
    const upload = steps.find(
      (s: any) => s.name === 'Upload the report to the portal',
    );
    expect(upload.run).toContain('--entity resource:default/gke-ai-dev');
    expect(upload.env.AI_CONFORMANCE_TOKEN).toBe(
      '${{ secrets.AI_CONFORMANCE_TOKEN }}',
    );
    expect(upload.if).toContain('always()');
    const credentials = steps.find(
      (s: any) => s.name === 'Cluster credentials',
    );
    expect(credentials.with).toEqual({
      cluster_name: 'gke-ai-dev',
      location: 'us-central1',
      project_id: 'my-project',
    });
  });

  it('writes no YAML aliases', () => {
    expect(renderWorkflow(plan, { directory: '' })).not.toMatch(/[&*]a\d/);
  });
});
