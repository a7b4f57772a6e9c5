// The clusters of the fault matrix: one kube-sim cluster per fault, used by
// both the CLI and the backend column.
const clusters = [
  { name: 'f-healthy', fault: 'none', scenario: 'gke-1.34-conformant' },
  {
    name: 'f-latency',
    fault: 'latency',
    scenario: 'gke-1.34-conformant',
    faults: [{ latencyMs: 150, jitterMs: 100 }],
  },
  {
    name: 'f-5xx',
    fault: '5xx on some reads',
    scenario: 'gke-1.34-conformant',
    faults: [{ path: '^/apis/gateway\\.networking\\.k8s\\.io/', status: 500 }],
  },
  {
    name: 'f-503-aggregated',
    fault: '503 aggregated group',
    scenario: 'adapter-down',
  },
  {
    name: 'f-hang',
    fault: 'hang',
    scenario: 'gke-1.34-conformant',
    faults: [{ hang: true, except: ['^/version$', '^/api$', '^/apis$'] }],
  },
  {
    name: 'f-reset',
    fault: 'connection reset',
    scenario: 'gke-1.34-conformant',
    faults: [{ reset: true }],
  },
  {
    name: 'f-malformed',
    fault: 'malformed JSON',
    scenario: 'gke-1.34-conformant',
    faults: [{ path: '^/api/v1/nodes', malformed: true }],
  },
  ...['malformed', 'truncated', 503, 406].map(fault => ({
    name: `f-agg-${fault}`,
    fault: `aggregated discovery ${fault}`,
    scenario: 'gke-1.34-conformant',
    faults: [{ aggregatedDiscovery: fault }],
  })),
  {
    name: 'f-discovery-down',
    fault: 'aggregated discovery 503 and a legacy group list without groups',
    scenario: 'gke-1.34-conformant',
    faults: [
      { aggregatedDiscovery: 503 },
      { path: '^/apis$', malformedBody: 'wrong-shape' },
    ],
  },
  {
    name: 'f-malformed-body',
    fault: 'node list without items',
    scenario: 'gke-1.34-conformant',
    faults: [{ path: '^/api/v1/nodes$', malformedBody: 'wrong-shape' }],
  },
  { name: 'f-tls', fault: 'TLS mismatch', tlsMismatchOf: 'f-healthy' },
  {
    name: 'f-expired',
    fault: 'expired continue',
    scenario: 'expired-continue',
  },
  { name: 'f-403', fault: '403', scenario: 'restricted-rbac' },
  {
    // ~700 MB generated while it streams, on every Node list request
    name: 'f-oversized',
    fault: 'oversized response',
    scenario: 'gke-1.34-conformant',
    faults: [{ path: '^/api/v1/nodes$', oversizedBody: 700_000_000 }],
  },
  {
    // a proxy echoing the request headers (Authorization too) in a 400
    name: 'f-echo',
    fault: 'echoed credentials',
    scenario: 'gke-1.34-conformant',
    faults: [{ path: '^/api/v1/nodes$', echoRequest: 400 }],
  },
  {
    name: 'f-slow',
    fault: 'slow cluster for the SIGKILL test',
    scenario: 'gke-1.34-conformant',
    faults: [{ latencyMs: 1500 }],
  },
];

module.exports = { clusters };
