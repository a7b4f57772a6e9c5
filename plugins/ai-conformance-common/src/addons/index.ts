export {
  INFERENCE_EXTENSION_CRDS,
  KUBEFLOW_TRAINER_ADDON,
  KUEUE_ADDON,
  NVIDIA_DRA_DRIVER_ADDON,
  PLANNED_ADDONS,
  helmInstallWords,
} from './plannedAddons';
export type { PlannedAddon } from './plannedAddons';
