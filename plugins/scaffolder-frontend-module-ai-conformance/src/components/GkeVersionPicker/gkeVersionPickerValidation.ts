import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { gkeVersionProblem } from '../../gkeVersionRules';
import { GkeVersionPickerUiOptions, chosenMinor } from './GkeVersionPicker';

/**
 * Blocks the step when the version is below the certified minimum.
 *
 * @public
 */
export const gkeVersionPickerValidation: CustomFieldValidator<
  string,
  GkeVersionPickerUiOptions
> = (value, validation, context) => {
  const minor = chosenMinor(
    context.formData as Record<string, unknown>,
    context.uiSchema?.['ui:options'],
  );
  const problem = gkeVersionProblem(value, minor);
  if (problem) validation.addError(problem);
};
