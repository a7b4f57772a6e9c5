export { GkeVersionPicker, chosenMinor } from './GkeVersionPicker';
export type { GkeVersionPickerUiOptions } from './GkeVersionPicker';
export { gkeVersionPickerValidation } from './gkeVersionPickerValidation';
