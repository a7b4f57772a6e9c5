import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CertifiedVersionsSource } from './CertifiedVersionsSource';

const config = (certifiedVersions: JsonObject) =>
  new ConfigReader({ aiConformance: { certifiedVersions } });

describe('CertifiedVersionsSource', () => {
  const logger = mockServices.logger.mock();

  it('gives nothing when nothing is configured', async () => {
    const source = CertifiedVersionsSource.fromConfig(
      new ConfigReader({}),
      logger,
    );
    await expect(source.get()).resolves.toBeUndefined();
  });

  it('reads a clone and adds configured entries', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-cv-'));
    try {
      fs.mkdirSync(path.join(dir, 'v1.37', 'gke'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'v1.37', 'gke', 'PRODUCT.yaml'),
        'metadata:\n  platformName: Google Kubernetes Engine\n  platformVersion: 1.37.0-gke.3503000\n',
      );
      const source = CertifiedVersionsSource.fromConfig(
        config({
          source: dir,
          products: [
            {
              checklist: '1.38',
              product: 'gke',
              platformVersion: '1.38.0-gke.1',
            },
          ],
        }),
        logger,
      );
      const data = await source.get();
      expect(data?.products.map(p => [p.source, p.platformVersion])).toEqual([
        ['v1.37/gke/PRODUCT.yaml', '1.37.0-gke.3503000'],
        ['configuration', '1.38.0-gke.1'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the configured entries and warns when the source cannot be read', async () => {
    const source = CertifiedVersionsSource.fromConfig(
      config({
        source: path.join(os.tmpdir(), 'aic-no-such-clone'),
        products: [
          { checklist: 'v1.38', product: 'aks', platformVersion: 'v1.38' },
        ],
      }),
      logger,
    );
    const data = await source.get();
    expect(data?.products).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('aiConformance.certifiedVersions.source'),
    );
  });

  it('refuses invalid entries at startup', () => {
    expect(() =>
      CertifiedVersionsSource.fromConfig(
        config({
          products: [
            { checklist: 'latest', product: 'gke', platformVersion: 'x' },
          ],
        }),
        logger,
      ),
    ).toThrow(/checklist must be a checklist version/);
    expect(() =>
      CertifiedVersionsSource.fromConfig(
        config({
          products: [
            { checklist: '1.36', product: '../etc', platformVersion: 'x' },
          ],
        }),
        logger,
      ),
    ).toThrow(/submission folder name/);
  });
});
