import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeNode, makeSnapshot } from '../snapshot/__testUtils__/makeSnapshot';
import { evaluate } from './evaluate';
import {
  loadCertifiedVersions,
  mergeCertifiedVersions,
} from './loadCertifiedVersions';

/** Copies of PRODUCT.yaml files from cncf/k8s-ai-conformance (see its README.md). */
const CLONE = path.join(__dirname, '__fixtures__', 'k8s-ai-conformance');

const productText = (rel: string) =>
  fs.readFileSync(path.join(CLONE, rel), 'utf8');

function fakeGitHub(files: Record<string, string>) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    if (
      url ===
      'https://api.github.com/repos/cncf/k8s-ai-conformance/git/trees/main?recursive=1'
    ) {
      return new Response(
        JSON.stringify({
          tree: [
            { path: 'README.md', type: 'blob' },
            { path: 'v1.35', type: 'tree' },
            ...Object.keys(files).map(p => ({ path: p, type: 'blob' })),
          ],
        }),
      );
    }
    const prefix =
      'https://raw.githubusercontent.com/cncf/k8s-ai-conformance/main/';
    if (url.startsWith(prefix) && files[url.slice(prefix.length)]) {
      return new Response(files[url.slice(prefix.length)]);
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

describe('loadCertifiedVersions', () => {
  it('reads every submission of a local clone', async () => {
    const data = await loadCertifiedVersions(CLONE, { cacheTtlMs: 0 });
    expect(data.loadedFrom).toBe(CLONE);
    expect(
      data.products.map(p => `${p.source} ${p.platformVersion}`).sort(),
    ).toEqual([
      'v1.34/OKE/PRODUCT.yaml v1.34',
      'v1.34/aks/PRODUCT.yaml v1.34',
      'v1.34/gke/PRODUCT.yaml 1.34.0-gke.1662000',
      'v1.35/eks/PRODUCT.yaml 1.35.2-eks.9',
      'v1.35/gke/PRODUCT.yaml 1.35.0-gke.2232000',
      'v1.35/oke/PRODUCT.yaml v1.35',
      'v1.35/openshift/PRODUCT.yaml 4.22',
    ]);
  });

  it('reads a GitHub repository through its tree listing, once per cache period', async () => {
    const files = {
      'v1.35/gke/PRODUCT.yaml': productText('v1.35/gke/PRODUCT.yaml'),
      'v1.34/aks/PRODUCT.yaml': productText('v1.34/aks/PRODUCT.yaml'),
    };
    const { fetchImpl, calls } = fakeGitHub(files);
    const source = 'https://github.com/cncf/k8s-ai-conformance';
    const data = await loadCertifiedVersions(source, { fetchImpl });
    expect(data.products.map(p => p.source).sort()).toEqual([
      'v1.34/aks/PRODUCT.yaml',
      'v1.35/gke/PRODUCT.yaml',
    ]);
    expect(calls).toHaveLength(3);
    await loadCertifiedVersions(source, { fetchImpl });
    expect(calls).toHaveLength(3);
  });

  it('reads one submission file by URL, and refuses other URLs and bad files', async () => {
    const { fetchImpl } = fakeGitHub({
      'v1.35/gke/PRODUCT.yaml': productText('v1.35/gke/PRODUCT.yaml'),
      'v1.36/broken/PRODUCT.yaml': 'metadata: { vendorName: X }',
    });
    const raw =
      'https://raw.githubusercontent.com/cncf/k8s-ai-conformance/main/';
    const one = await loadCertifiedVersions(`${raw}v1.35/gke/PRODUCT.yaml`, {
      fetchImpl,
    });
    expect(one.products[0]).toMatchObject({
      checklist: '1.35',
      platformVersion: '1.35.0-gke.2232000',
    });
    await expect(
      loadCertifiedVersions('https://example.com/list.json', { fetchImpl }),
    ).rejects.toThrow(/neither a GitHub repository/);
    await expect(
      loadCertifiedVersions(`${raw}v1.36/broken/PRODUCT.yaml`, { fetchImpl }),
    ).rejects.toThrow(/no metadata.platformVersion/);
    await expect(
      loadCertifiedVersions(`${raw}v1.36/missing/PRODUCT.yaml`, { fetchImpl }),
    ).rejects.toThrow(/HTTP 404/);
    await expect(
      loadCertifiedVersions(path.join(os.tmpdir(), 'no-such-clone-dir')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('measures a cluster against a certification that is only in the data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-certified-'));
    try {
      // A GKE 1.38 submission that no release knows of (made up for the test).
      fs.mkdirSync(path.join(dir, 'v1.38', 'gke'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'v1.38', 'gke', 'PRODUCT.yaml'),
        'metadata:\n  kubernetesVersion: v1.38\n  platformName: Google Kubernetes Engine\n  platformVersion: 1.38.0-gke.1000000\n  vendorName: Google\n',
      );
      const data = await loadCertifiedVersions(dir, { cacheTtlMs: 0 });
      const report = evaluate(
        makeSnapshot({ gitVersion: 'v1.38.1-gke.1200000' }),
        { certifiedVersions: data },
      );
      const gke = report.findings.find(f => f.id === 'gke-certified-version');
      expect(gke).toMatchObject({ severity: 'info' });
      expect(gke?.summary).toContain('1.38.0-gke.1000000');
      expect(gke?.summary).toContain('v1.38/gke/PRODUCT.yaml');
      const without = evaluate(
        makeSnapshot({ gitVersion: 'v1.38.1-gke.1200000' }),
      );
      expect(
        without.findings.find(f => f.id === 'gke-certified-version')?.severity,
      ).toBe('warning');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the submission another platform is measured against', async () => {
    const data = await loadCertifiedVersions(CLONE);
    const aks = makeSnapshot({
      gitVersion: 'v1.34.2',
      nodes: [makeNode('n', { providerID: 'azure:///subscriptions/x' })],
    });
    const finding = evaluate(aks, { certifiedVersions: data }).findings.find(
      f => f.id === 'certified-platform-version',
    );
    expect(finding).toMatchObject({ severity: 'info' });
    expect(finding?.summary).toContain('v1.34/aks/PRODUCT.yaml');
    expect(finding?.summary).toContain('Azure Kubernetes Service (AKS)');

    const aks135 = makeSnapshot({
      gitVersion: 'v1.35.1',
      nodes: [makeNode('n', { providerID: 'azure:///subscriptions/x' })],
    });
    expect(
      evaluate(aks135, { certifiedVersions: data }).findings.find(
        f => f.id === 'certified-platform-version',
      ),
    ).toMatchObject({ severity: 'warning' });
    expect(
      evaluate(aks).findings.some(f => f.id === 'certified-platform-version'),
    ).toBe(false);
  });

  it('adds configured certifications to loaded ones', () => {
    expect(mergeCertifiedVersions(undefined, [])).toBeUndefined();
    expect(
      mergeCertifiedVersions(undefined, [
        {
          checklist: 'v1.38',
          product: 'gke',
          platformVersion: '1.38.0-gke.1',
        },
      ])?.products,
    ).toEqual([
      {
        checklist: '1.38',
        product: 'gke',
        platformVersion: '1.38.0-gke.1',
        source: 'configuration',
      },
    ]);
  });
});
