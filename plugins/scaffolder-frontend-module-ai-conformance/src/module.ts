import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { gkeVersionPickerFormField } from './extensions';

/**
 * Adds the GKE version picker to the scaffolder (new frontend system).
 *
 * @public
 */
export const scaffolderModuleAiConformance = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [gkeVersionPickerFormField],
});
