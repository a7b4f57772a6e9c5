// Generated from plugins/ai-conformance-backend/src/schema/openapi.yaml by
// plugins/ai-conformance-backend/scripts/generate-openapi.js; do not edit.

import type { AiConformanceHttpOperations } from '@ai-conformance/plugin-ai-conformance-common';

/**
 * Params, query, body and success response of every operation, keyed as
 * `createValidatedOpenApiRouterFromGeneratedEndpointMap` expects.
 */
export type EndpointMap = {
  '#get|/health': {
    response: AiConformanceHttpOperations['GetHealth']['responses'][200]['content']['application/json'];
  };
  '#get|/requirements': {
    query: NonNullable<
      AiConformanceHttpOperations['GetRequirements']['parameters']['query']
    >;
    response: AiConformanceHttpOperations['GetRequirements']['responses'][200]['content']['application/json'];
  };
  '#get|/clusters': {
    query: NonNullable<
      AiConformanceHttpOperations['ListClusters']['parameters']['query']
    >;
    response: AiConformanceHttpOperations['ListClusters']['responses'][200]['content']['application/json'];
  };
  '#get|/clusters/{namespace}/{name}': {
    path: NonNullable<
      AiConformanceHttpOperations['GetCluster']['parameters']['path']
    >;
    query: NonNullable<
      AiConformanceHttpOperations['GetCluster']['parameters']['query']
    >;
    response: AiConformanceHttpOperations['GetCluster']['responses'][200]['content']['application/json'];
  };
  '#get|/clusters/{namespace}/{name}/runs': {
    path: NonNullable<
      AiConformanceHttpOperations['ListRuns']['parameters']['path']
    >;
    query: NonNullable<
      AiConformanceHttpOperations['ListRuns']['parameters']['query']
    >;
    response: AiConformanceHttpOperations['ListRuns']['responses'][200]['content']['application/json'];
  };
  '#post|/clusters/{namespace}/{name}/runs': {
    path: NonNullable<
      AiConformanceHttpOperations['CreateRun']['parameters']['path']
    >;
    body: NonNullable<
      AiConformanceHttpOperations['CreateRun']['requestBody']
    >['content']['application/json'];
    response:
      | AiConformanceHttpOperations['CreateRun']['responses'][200]['content']['application/json']
      | AiConformanceHttpOperations['CreateRun']['responses'][202]['content']['application/json'];
  };
  '#post|/clusters/{namespace}/{name}/reports': {
    path: NonNullable<
      AiConformanceHttpOperations['UploadReport']['parameters']['path']
    >;
    response: AiConformanceHttpOperations['UploadReport']['responses'][201]['content']['application/json'];
  };
  '#get|/clusters/{namespace}/{name}/self-assessment': {
    path: NonNullable<
      AiConformanceHttpOperations['GetSelfAssessment']['parameters']['path']
    >;
    query: NonNullable<
      AiConformanceHttpOperations['GetSelfAssessment']['parameters']['query']
    >;
    response:
      | string
      | AiConformanceHttpOperations['GetSelfAssessment']['responses'][200]['content']['application/json'];
  };
  '#get|/clusters/{namespace}/{name}/bundle': {
    path: NonNullable<
      AiConformanceHttpOperations['GetSubmissionBundle']['parameters']['path']
    >;
    query: NonNullable<
      AiConformanceHttpOperations['GetSubmissionBundle']['parameters']['query']
    >;
    response: string;
  };
  '#get|/clusters/{namespace}/{name}/accelerators': {
    path: NonNullable<
      AiConformanceHttpOperations['GetClusterAccelerators']['parameters']['path']
    >;
    query: NonNullable<
      AiConformanceHttpOperations['GetClusterAccelerators']['parameters']['query']
    >;
    response: AiConformanceHttpOperations['GetClusterAccelerators']['responses'][200]['content']['application/json'];
  };
  '#get|/clusters/{namespace}/{name}/badge.svg': {
    path: NonNullable<
      AiConformanceHttpOperations['GetClusterBadge']['parameters']['path']
    >;
    response: string;
  };
  '#get|/runs/{runId}': {
    path: NonNullable<
      AiConformanceHttpOperations['GetRun']['parameters']['path']
    >;
    response: AiConformanceHttpOperations['GetRun']['responses'][200]['content']['application/json'];
  };
};
