import { getComponentData } from '@backstage/core-plugin-api';
import {
  gkeVersionPickerFormField,
  GKE_VERSION_PICKER_FIELD,
} from './extensions';
import scaffolderModule from './index';
import { GkeVersionPickerFieldExtension } from './legacy';
import { GkeVersionPicker } from './components/GkeVersionPicker';
import { gkeVersionPickerValidation } from './components/GkeVersionPicker';

describe('GKE version picker extensions', () => {
  it('is a scaffolder form field for the new frontend system', () => {
    expect(String(gkeVersionPickerFormField)).toBe(
      'ExtensionDefinition{kind=scaffolder-form-field,name=gke-version-picker,attachTo=api:scaffolder/form-fields@formFields}',
    );
    expect(String(scaffolderModule)).toMatch(/pluginId=scaffolder/);
  });

  it('is a field extension named GkeVersionPicker for the legacy system', () => {
    expect(
      getComponentData(
        <GkeVersionPickerFieldExtension />,
        'scaffolder.extensions.field.v1',
      ),
    ).toEqual({
      name: GKE_VERSION_PICKER_FIELD,
      component: GkeVersionPicker,
      validation: gkeVersionPickerValidation,
    });
  });
});
