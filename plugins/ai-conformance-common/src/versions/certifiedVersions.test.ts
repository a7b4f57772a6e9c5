import {
  certifiedProductsFor,
  gkeMinimumsFromData,
  isProductYamlPath,
  parseProductYaml,
} from './certifiedVersions';

/** The metadata of v1.35/gke/PRODUCT.yaml in cncf/k8s-ai-conformance (commit b2c8969). */
const GKE_135 = `# Kubernetes AI Conformance Checklist
metadata:
  kubernetesVersion: v1.35
  platformName: Google Kubernetes Engine
  platformVersion: 1.35.0-gke.2232000
  vendorName: Google
  websiteUrl: https://cloud.google.com/kubernetes-engine/
spec:
  accelerators: []
`;

/** The metadata of v1.34/OKE/PRODUCT.yaml in cncf/k8s-ai-conformance (commit b2c8969). */
const OKE_134 = `metadata:
  kubernetesVersion: v1.34
  platformName: "OCI Kubernetes Engine (OKE)"
  platformVersion: "v1.34"
  vendorName: "Oracle"
`;

describe('parseProductYaml', () => {
  it('reads the certified version, product and checklist of a submission', () => {
    expect(parseProductYaml(GKE_135, 'v1.35/gke/PRODUCT.yaml')).toEqual({
      checklist: '1.35',
      product: 'gke',
      platformName: 'Google Kubernetes Engine',
      platformVersion: '1.35.0-gke.2232000',
      vendorName: 'Google',
      source: 'v1.35/gke/PRODUCT.yaml',
    });
    expect(
      parseProductYaml(OKE_134, '/tmp/clone/v1.34/OKE/PRODUCT.yaml'),
    ).toMatchObject({
      checklist: '1.34',
      product: 'OKE',
      platformVersion: 'v1.34',
    });
  });

  it('rejects other paths, non-YAML and files without a platform version', () => {
    expect(() => parseProductYaml(GKE_135, 'docs/PRODUCT.yaml')).toThrow(
      /not a submission path/,
    );
    expect(() => parseProductYaml('a: [', 'v1.35/x/PRODUCT.yaml')).toThrow(
      /not YAML/,
    );
    expect(() =>
      parseProductYaml('metadata: { vendorName: X }', 'v1.35/x/PRODUCT.yaml'),
    ).toThrow(/no metadata.platformVersion/);
    expect(isProductYamlPath('v1.36/aks/PRODUCT.yaml')).toBe(true);
    expect(isProductYamlPath('v1.36/aks/README.md')).toBe(false);
  });
});

describe('certified data', () => {
  const data = {
    products: [
      parseProductYaml(GKE_135, 'v1.35/gke/PRODUCT.yaml'),
      parseProductYaml(OKE_134, 'v1.34/OKE/PRODUCT.yaml'),
    ],
  };

  it('finds the submissions of a platform for a checklist', () => {
    expect(
      certifiedProductsFor(data, 'oke', '1.34').map(p => p.source),
    ).toEqual(['v1.34/OKE/PRODUCT.yaml']);
    expect(certifiedProductsFor(data, 'oke', '1.35')).toEqual([]);
    expect(certifiedProductsFor(data, 'generic', '1.34')).toEqual([]);
  });

  it('keeps the lowest GKE version per minor, and only GKE versions', () => {
    expect(gkeMinimumsFromData(data)).toEqual({
      '1.35': {
        minimum: '1.35.0-gke.2232000',
        source: 'v1.35/gke/PRODUCT.yaml',
      },
    });
  });
});
