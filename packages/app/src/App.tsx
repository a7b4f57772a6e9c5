import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import aiConformanceScaffolderModule from '@ai-conformance/plugin-scaffolder-frontend-module-ai-conformance';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import aiConformancePlugin from '@ai-conformance/plugin-ai-conformance/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    kubernetesPlugin,
    scaffolderPlugin,
    aiConformanceScaffolderModule,
    orgPlugin,
    userSettingsPlugin,
    notificationsPlugin,
    aiConformancePlugin,
    navModule,
  ],
});
