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
 * Start a check run against a cluster entity. A resource permission on
 * catalog entities, decided per cluster like the read permission.
 * @public
 */
export const aiConformanceRunCreatePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'ai-conformance.run.create',
    attributes: { action: 'create' },
    resourceType: 'catalog-entity',
  });

/**
 * Upload a snapshot or official-suite artifacts for a cluster entity. A
 * resource permission on catalog entities, decided per cluster.
 * @public
 */
export const aiConformanceReportUploadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'ai-conformance.report.upload',
    attributes: { action: 'create' },
    resourceType: 'catalog-entity',
  });

/**
 * Start an active run against a cluster entity: test workloads are created
 * on the cluster (pods, jobs, queues, custom resources in a namespace of the
 * run). Separate from `ai-conformance.run.create`, which only reads. A
 * resource permission on catalog entities, decided per cluster.
 * @public
 */
export const aiConformanceRunActivePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'ai-conformance.run.active',
    attributes: { action: 'create' },
    resourceType: 'catalog-entity',
  });

/** @public */
export const aiConformancePermissions = [
  aiConformanceReportReadPermission,
  aiConformanceRunCreatePermission,
  aiConformanceReportUploadPermission,
  aiConformanceRunActivePermission,
];
