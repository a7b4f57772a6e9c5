import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Read conformance reports of a cluster entity. A resource permission on
 * catalog entities, so a conditional policy can scope it (e.g. by owner).
 * @public
 */
export const aiConformanceReportReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'ai-conformance.report.read',
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  });

/**
 * Start a check run against a cluster.
 * @public
 */
export const aiConformanceRunCreatePermission = createPermission({
  name: 'ai-conformance.run.create',
  attributes: { action: 'create' },
});

/**
 * Upload a snapshot or official-suite artifacts for a cluster.
 * @public
 */
export const aiConformanceReportUploadPermission = createPermission({
  name: 'ai-conformance.report.upload',
  attributes: { action: 'create' },
});

/** @public */
export const aiConformancePermissions = [
  aiConformanceReportReadPermission,
  aiConformanceRunCreatePermission,
  aiConformanceReportUploadPermission,
];
