/**
 * Scaffolder form fields for AI-conformant clusters: a GKE version picker
 * that accepts only AI-conformance-certified versions.
 *
 * @packageDocumentation
 */
export { scaffolderModuleAiConformance as default } from './module';
export { GkeVersionPickerFieldExtension } from './legacy';
export {
  GKE_VERSION_PICKER_FIELD,
  gkeVersionPickerFormField,
} from './extensions';
export {
  GkeVersionPicker,
  gkeVersionPickerValidation,
} from './components/GkeVersionPicker';
export type { GkeVersionPickerUiOptions } from './components/GkeVersionPicker';
export { certifiedVersionOptions, gkeVersionProblem } from './gkeVersionRules';
