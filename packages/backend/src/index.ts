import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './demoPermissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest only, so the demo needs no external identity provider.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Catalog, with the scaffolder's entity model (Template kind).
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Scaffolder, with GitHub actions.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@ai-conformance/plugin-scaffolder-backend-module-ai-conformance'),
);

// Kubernetes plugin: reads the `kubernetes` config section.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Permissions. The demo policy allows everything except what
// `demoPermissionPolicy.deny` lists; replace it with your own policy module
// (see the README, "Permissions").
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);

// Notifications and signals (regression notices reach cluster owners).
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Kubernetes AI Conformance.
backend.add(import('@ai-conformance/plugin-ai-conformance-backend'));
backend.add(
  import('@ai-conformance/plugin-catalog-backend-module-ai-conformance'),
);

// MCP server for AI agents: serves the actions named in
// `backend.actions.pluginSources` at /api/mcp-actions/v1 (docs/agents.md).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Scorecards: Tech Insights with json-rules-engine checks and our facts.
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@ai-conformance/plugin-tech-insights-backend-module-ai-conformance'),
);

backend.start();
