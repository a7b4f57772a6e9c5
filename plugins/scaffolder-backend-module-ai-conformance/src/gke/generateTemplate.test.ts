import {
  KUBEFLOW_TRAINER_ADDON,
  KUEUE_ADDON,
  gkeCertifiedMinors,
} from '@ai-conformance/plugin-ai-conformance-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { exampleSpec, exampleSpecInput } from '../__testUtils__/exampleSpec';
import { renderGcloudScript } from '../render/renderGcloudScript';
import { renderTerraform } from '../render/renderTerraform';
import { generateTemplate } from './generateTemplate';
import { planGkeCluster } from './planGkeCluster';
import { GKE_CHECKLIST_VERSIONS, parseGkeClusterSpec } from './gkeClusterSpec';

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

describe('the template offers what the actions accept', () => {
  const template = parse(text);
  const property = (name: string) =>
    template.spec.parameters.find((s: any) => s.properties?.[name])?.properties[
      name
    ];

  it('offers every checklist with a certified GKE version, 1.36 and 1.37 included, with its minimum', () => {
    const checklist = property('checklistVersion');
    expect(checklist.enum).toEqual(gkeCertifiedMinors());
    expect(checklist.enum).toEqual(expect.arrayContaining(['1.36', '1.37']));
    expect(checklist.enumNames).toContain(
      '1.37 (GKE 1.37.0-gke.3503000 or later)',
    );
    expect(GKE_CHECKLIST_VERSIONS).toEqual(checklist.enum);
  });

  it('passes the sandbox pool and Inference Gateway choices to validate and render', () => {
    for (const id of ['validate', 'render']) {
      const step = template.spec.steps.find((s: any) => s.id === id);
      expect(step.input.sandboxPool).toBe('${{ parameters.sandboxPool }}');
      expect(step.input.inferenceGateway).toBe(
        '${{ parameters.inferenceGateway }}',
      );
    }
  });

  it('offers Inference Gateway classes and a subnet range the spec accepts', () => {
    const enabled = property(
      'inferenceGateway',
    ).dependencies.enabled.oneOf.find(
      (o: any) => o.properties.enabled.const === true,
    ).properties;
    for (const gatewayClass of enabled.gatewayClass.enum) {
      const spec = parseGkeClusterSpec(
        exampleSpecInput({
          inferenceGateway: {
            enabled: true,
            gatewayClass,
            proxyOnlySubnetRange: enabled.proxyOnlySubnetRange.default,
          },
        }),
      );
      expect(spec.inferenceGateway?.gatewayClass).toBe(gatewayClass);
    }
    expect(
      new RegExp(enabled.proxyOnlySubnetRange.pattern).test('10.129.0.0/23'),
    ).toBe(true);
    expect(
      new RegExp(enabled.proxyOnlySubnetRange.pattern).test('10.129.0.0'),
    ).toBe(false);
  });

  it('rewrites a hand-edited checklist choice', () => {
    const edited = text.replace("            - '1.37'\n", '');
    expect(edited).not.toBe(text);
    expect(generateTemplate(edited)).toBe(text);
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
