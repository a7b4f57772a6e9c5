import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  certifiedVersionOptions,
  gkeVersionProblem,
} from '../../gkeVersionRules';

/**
 * `ui:options` of the GKE version picker.
 *
 * @public
 */
export interface GkeVersionPickerUiOptions {
  /** Form field holding the checklist version (= GKE minor); default `checklistVersion`. */
  checklistVersionField?: string;
  /** A fixed minor, when the template has no checklist version field. */
  minor?: string;
}

/** The minor the version must belong to, from the form or the options. */
export function chosenMinor(
  formData: Record<string, unknown> | undefined,
  options: GkeVersionPickerUiOptions | undefined,
): string | undefined {
  const field = options?.checklistVersionField ?? 'checklistVersion';
  const fromForm = formData?.[field];
  if (typeof fromForm === 'string' && fromForm) return fromForm;
  return options?.minor;
}

/**
 * GKE version picker: offers the AI-conformance-certified versions of the
 * chosen minor and rejects lower ones while the user types.
 *
 * @public
 */
export const GkeVersionPicker = (
  props: FieldExtensionComponentProps<string, GkeVersionPickerUiOptions>,
) => {
  const {
    onChange,
    required,
    disabled,
    formData,
    rawErrors,
    schema,
    uiSchema,
    formContext,
    idSchema,
  } = props;
  const minor = chosenMinor(
    formContext?.formData as Record<string, unknown> | undefined,
    uiSchema?.['ui:options'],
  );
  const options = certifiedVersionOptions(minor);
  const value = formData ?? '';
  const problem = value ? gkeVersionProblem(value, minor) : undefined;
  // Errors from the last submit are stale once the typed value passes.
  const staleErrors = value ? [] : rawErrors ?? [];
  const helperText =
    problem ??
    (staleErrors.length
      ? staleErrors.join('; ')
      : schema.description ??
        `At or above ${options.join(' / ') || 'the certified minimum'}`);

  return (
    <Autocomplete
      freeSolo
      options={options}
      value={value}
      inputValue={value}
      disabled={disabled}
      onInputChange={(_event, text, reason) => {
        if (reason !== 'reset') onChange(text || undefined);
      }}
      onChange={(_event, chosen) => onChange(chosen ?? undefined)}
      renderInput={params => (
        <TextField
          {...params}
          id={idSchema?.$id}
          label={schema.title ?? 'GKE version'}
          required={required}
          margin="normal"
          variant="outlined"
          error={Boolean(problem) || staleErrors.length > 0}
          helperText={helperText}
          inputProps={{ ...params.inputProps, 'aria-label': 'GKE version' }}
        />
      )}
    />
  );
};
