import {
  gkeVersionPickerFormField,
  GKE_VERSION_PICKER_FIELD,
} from './extensions';
import scaffolderModule from './index';
import { GkeVersionPickerFieldExtension } from './legacy';

describe('GKE version picker extensions', () => {
  it('is a scaffolder form field named GkeVersionPicker', () => {
    expect(String(gkeVersionPickerFormField)).toBe(
      'ExtensionDefinition{kind=scaffolder-form-field,name=gke-version-picker,attachTo=api:scaffolder/form-fields@formFields}',
    );
    expect(GKE_VERSION_PICKER_FIELD).toBe('GkeVersionPicker');
  });

  it('ships a scaffolder module and a legacy field extension', () => {
    expect(String(scaffolderModule)).toContain('scaffolder');
    expect(GkeVersionPickerFieldExtension).toBeDefined();
  });
});
