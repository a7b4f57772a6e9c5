import { scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  GkeVersionPicker,
  gkeVersionPickerValidation,
} from './components/GkeVersionPicker';
import { GKE_VERSION_PICKER_FIELD } from './extensions';

/**
 * The GKE version picker for apps on the legacy frontend system: render it
 * inside `<ScaffolderFieldExtensions>`.
 * @public
 */
export const GkeVersionPickerFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension({
    name: GKE_VERSION_PICKER_FIELD,
    component: GkeVersionPicker,
    validation: gkeVersionPickerValidation,
  }),
);
