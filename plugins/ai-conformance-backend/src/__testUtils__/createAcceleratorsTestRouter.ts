import type express from 'express';
import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { mockServices } from '@backstage/backend-test-utils';
import { createRouter } from '../router';
import { ClusterAccess } from '../service/ClusterAccess';
import { ClusterApiService } from '../service/ClusterApiService';
import { BadgeService } from '../badges/BadgeService';
import type { AcceleratorMetricsService } from '../accelerators/AcceleratorMetricsService';

/**
 * The plugin's router with only what `GET .../accelerators` needs: the
 * catalog and permissions behind ClusterAccess, and the metrics service. Any
 * other route answers an error, as its store is missing.
 */
export async function createAcceleratorsTestRouter(options: {
  catalog: CatalogService;
  permissions: PermissionsService;
  httpAuth: HttpAuthService;
  service: AcceleratorMetricsService;
}): Promise<express.Router> {
  const access = new ClusterAccess(options);
  const unavailable = new Proxy(
    {},
    {
      get() {
        throw new Error('not part of the accelerators test router');
      },
    },
  );
  return createRouter({
    api: new ClusterApiService({
      access,
      accelerators: options.service,
      store: unavailable as never,
      summaries: unavailable as never,
      visibility: unavailable as never,
      runs: unavailable as never,
      uploads: unavailable as never,
      auditor: mockServices.auditor.mock(),
      selfAssessmentMetadata: {},
    }),
    badges: new BadgeService({
      access,
      store: unavailable as never,
      auth: mockServices.auth(),
      publicBadges: false,
    }),
    httpAuth: options.httpAuth,
    uploadMaxBytes: 1024,
  });
}
