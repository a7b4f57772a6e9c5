import {
  KUBEFLOW_TRAINER_ADDON,
  KUEUE_ADDON,
} from '@ai-conformance/plugin-ai-conformance-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exampleSpec } from '../__testUtils__/exampleSpec';
import { renderGcloudScript } from '../render/renderGcloudScript';
import { renderTerraform } from '../render/renderTerraform';
import { generateTemplate } from './generateTemplate';
import { planGkeCluster } from './planGkeCluster';

const templateFile = path.resolve(
  __dirname,
  '../../templates/gke-ai-conformant-cluster/template.yaml',
);
const text = fs.readFileSync(templateFile, 'utf8');

describe('generateTemplate', () => {
  it('leaves the checked-in template as it is (run `yarn generate:template` when this fails)', () => {
    expect(generateTemplate(text)).toBe(text);
  });

  it('rewrites a hand-edited accelerator section', () => {
    const edited = text.replace('- g2-standard-96\n', '');
    expect(edited).not.toBe(text);
    expect(generateTemplate(edited)).toBe(text);
  });

  it('refuses a template whose sections were renamed or lost', () => {
    expect(() =>
      generateTemplate(text.replace(/generated: kueueVersion default/g, 'x')),
    ).toThrow('Template lacks generated sections: kueueVersion default');
    expect(() =>
      generateTemplate(
        text.replace('# END generated: gpuPool accelerator', '# END'),
      ),
    ).toThrow('No end marker for "gpuPool accelerator"');
  });
});

describe('the template and the renderers install the same add-on versions', () => {
  it('offers the pinned Kueue version, which both renderers install', () => {
    const template = parse(text);
    const extras = template.spec.parameters.find(
      (s: any) => s.properties?.kueueVersion,
    );
    const kueueVersion = extras.properties.kueueVersion.default;
    expect(kueueVersion).toBe(KUEUE_ADDON.version);

    const plan = planGkeCluster(
      exampleSpec({ kueueVersion, operator: 'kubeflow-trainer' }),
    );
    const addons = renderTerraform(plan)['addons.tf'];
    expect(addons).toMatch(
      new RegExp(`chart += "kueue"\\n\\s+version += "${kueueVersion}"`),
    );
    expect(addons).toMatch(
      new RegExp(
        `chart += "kubeflow-trainer"\\n\\s+version += "${KUBEFLOW_TRAINER_ADDON.version}"`,
      ),
    );
    const script = renderGcloudScript(plan);
    expect(script).toContain(
      `oci://registry.k8s.io/kueue/charts/kueue \\\n  --version=${kueueVersion}`,
    );
    expect(script).toContain(
      `kubeflow-trainer \\\n  --version=${KUBEFLOW_TRAINER_ADDON.version}`,
    );
  });
});
