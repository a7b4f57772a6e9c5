import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import {
  GkeVersionPicker,
  gkeVersionPickerValidation,
} from './components/GkeVersionPicker';

/**
 * Name templates use: `ui:field: GkeVersionPicker`.
 *
 * @public
 */
export const GKE_VERSION_PICKER_FIELD = 'GkeVersionPicker';

/**
 * The GKE version picker as a scaffolder form field (new frontend system).
 *
 * @public
 */
export const gkeVersionPickerFormField = FormFieldBlueprint.make({
  name: 'gke-version-picker',
  params: {
    field: async () =>
      createFormField({
        name: GKE_VERSION_PICKER_FIELD,
        component: GkeVersionPicker,
        validation: gkeVersionPickerValidation,
      }),
  },
});
