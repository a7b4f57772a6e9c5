import {
  KUBEFLOW_TRAINER_ADDON,
  KUEUE_ADDON,
  NVIDIA_DRA_DRIVER_ADDON,
  PlannedAddon,
} from '@ai-conformance/plugin-ai-conformance-common';
import { GkeClusterPlan } from '../gke/planGkeCluster';

/** A planned add-on at the chart version the cluster installs. */
export interface AddonRelease {
  addon: PlannedAddon;
  /** Chart version without a leading `v`. */
  version: string;
}

/**
 * The Helm add-ons a cluster gets, in install order: Kueue when a version is
 * given, Kubeflow Trainer when it is the chosen operator, the NVIDIA DRA
 * driver with a DRA pool. Both the Terraform files and the gcloud script
 * install exactly these.
 */
export function addonReleases(plan: GkeClusterPlan): AddonRelease[] {
  const { spec } = plan;
  const releases: AddonRelease[] = [];
  const add = (addon: PlannedAddon, version: string) =>
    releases.push({ addon, version: version.replace(/^v/, '') });
  if (spec.kueueVersion) add(KUEUE_ADDON, spec.kueueVersion);
  if (spec.operator === 'kubeflow-trainer') {
    add(KUBEFLOW_TRAINER_ADDON, spec.kubeflowTrainerVersion);
  }
  if (plan.draPool)
    add(NVIDIA_DRA_DRIVER_ADDON, NVIDIA_DRA_DRIVER_ADDON.version);
  return releases;
}
