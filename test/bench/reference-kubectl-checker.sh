#!/usr/bin/env bash
# Reference checker for the engine benchmark: gathers the facts the engine
# reads for a passive run, one kubectl call after another, the way a shell
# script checker would. Prints one `fact: value` line per read.
# Usage: KUBECONFIG=<file> test/bench/reference-kubectl-checker.sh [--cache-dir <dir>]
set -u
cache=(--cache-dir "${2:-$(mktemp -d)}")
k() { kubectl "${cache[@]}" --request-timeout=30s "$@" 2>/dev/null; }
count() { k get "$@" -o name | wc -l; }
has() { k get "$@" -o name >/dev/null && echo yes || echo no; }

echo "version: $(k version -o json | grep -m1 gitVersion | tr -d ' ",' | cut -d: -f2)"
echo "api-versions: $(k api-versions | wc -l)"
echo "api-resources: $(k api-resources --no-headers | wc -l)"
echo "crds: $(count customresourcedefinitions)"
echo "nodes: $(count nodes)"
echo "gpu nodes: $(k get nodes -o jsonpath='{range .items[*]}{.status.allocatable.nvidia\.com/gpu}{"\n"}{end}' | grep -c '[1-9]')"
echo "deployments: $(count deployments -A)"
echo "daemonsets: $(count daemonsets -A)"
echo "apiservices: $(count apiservices)"
echo "custom metrics api: $(has apiservices v1beta1.custom.metrics.k8s.io)"
echo "external metrics api: $(has apiservices v1beta1.external.metrics.k8s.io)"
echo "hpas: $(count horizontalpodautoscalers -A)"
echo "gatewayclasses: $(count gatewayclasses.gateway.networking.k8s.io)"
echo "deviceclasses: $(count deviceclasses.resource.k8s.io)"
echo "resourceslices: $(count resourceslices.resource.k8s.io)"
echo "runtimeclasses: $(count runtimeclasses)"
echo "cluster-autoscaler-status: $(has configmap -n kube-system cluster-autoscaler-status)"
echo "validating webhooks: $(count validatingwebhookconfigurations)"
echo "mutating webhooks: $(count mutatingwebhookconfigurations)"
echo "priorityclasses: $(count priorityclasses)"
echo "kueue clusterqueues: $(count clusterqueues.kueue.x-k8s.io)"
echo "rayclusters: $(count rayclusters.ray.io -A)"
echo "podmonitorings: $(count clusterpodmonitorings.monitoring.googleapis.com)"
echo "servicemonitors: $(count servicemonitors.monitoring.coreos.com -A)"
echo "namespaces: $(count namespaces)"
echo "self rules: $(k auth can-i --list | wc -l)"
