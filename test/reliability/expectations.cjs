// The defined outcome of each fault, for the CLI (exit code and report) and
// for a backend run (run record). Each function throws when the outcome
// differs.
const assert = require('node:assert/strict');

const req = (report, id) => {
  const r = report.requirements.find(q => q.id === id);
  assert.ok(r, `requirement ${id} in the report`);
  return r;
};
const errorsOf = r => r.errors.map(e => e.message).join(' | ');
const statusesOf = report =>
  Object.fromEntries(report.requirements.map(q => [q.id, q.status]));
const failing = report =>
  report.requirements.filter(q => q.status === 'fail').map(q => q.id);

// The last healthy report (f-healthy runs first in each column): the
// baseline of the aggregated discovery faults.
let healthy;

/** A broken aggregated discovery: legacy discovery gives the healthy statuses. */
const sameAsHealthy = r => {
  assert.ok(healthy, 'f-healthy ran first');
  assert.deepEqual(statusesOf(r), statusesOf(healthy));
  assert.equal(r.verdict, healthy.verdict);
  assert.ok(
    r.findings.some(f => f.id === 'discovery-fallback'),
    'the report says discovery fell back to legacy discovery',
  );
  if (r.stats.waves !== undefined && healthy.stats.waves !== undefined)
    assert.ok(
      r.stats.waves <= healthy.stats.waves + 1,
      `${r.stats.waves} waves, healthy ${healthy.stats.waves}`,
    );
};

/** Checks shared by the CLI report and the backend report. */
const reportChecks = {
  'f-healthy': r => {
    healthy = r;
    assert.equal(r.verdict, 'conformant');
  },
  'f-latency': r => assert.equal(r.verdict, 'conformant'),
  'f-5xx': r => {
    assert.equal(r.verdict, 'incomplete');
    const q = req(r, 'ai_inference');
    assert.equal(q.status, 'unknown');
    assert.match(errorsOf(q), /HTTP 500/);
  },
  'f-503-aggregated': r => {
    const q = req(r, 'pod_autoscaling');
    assert.ok(['fail', 'unknown'].includes(q.status), q.status);
    assert.match(q.summary, /not available|503|Available=False/);
  },
  'f-hang': r => {
    assert.equal(r.verdict, 'incomplete');
    const unknown = r.requirements.filter(q => q.status === 'unknown');
    assert.ok(unknown.length > 0, 'some requirements unknown');
    assert.ok(
      r.requirements.every(q => q.status !== 'pass' || q.evidence.length > 0),
      'no pass without evidence',
    );
  },
  'f-malformed': r => {
    assert.equal(r.verdict, 'incomplete');
    const q = req(r, 'accelerator_metrics');
    assert.equal(q.status, 'unknown');
    assert.match(errorsOf(q), /not JSON/);
  },
  'f-agg-malformed': sameAsHealthy,
  'f-agg-truncated': sameAsHealthy,
  'f-agg-503': sameAsHealthy,
  'f-agg-406': sameAsHealthy,
  'f-discovery-down': r => {
    // Both kinds of discovery broken: what depends on them is unknown.
    assert.equal(r.verdict, 'incomplete');
    assert.deepEqual(failing(r), []);
    const dependent = r.requirements.filter(q =>
      q.errors.some(e => e.read === 'API discovery (/api, /apis)'),
    );
    assert.ok(dependent.length > 0, 'requirements depend on discovery');
    assert.ok(dependent.every(q => q.status === 'unknown'));
    assert.ok(r.findings.some(f => f.id === 'discovery-failed'));
  },
  'f-malformed-body': r => {
    // A list without items is an error of that read, never an empty list.
    assert.equal(r.verdict, 'incomplete');
    assert.deepEqual(failing(r), []);
    const dependent = r.requirements.filter(q =>
      /list v1 nodes: malformed response/.test(errorsOf(q)),
    );
    assert.ok(dependent.length > 0, 'node readers report the malformed list');
    assert.ok(dependent.every(q => q.status === 'unknown'));
  },
  'f-expired': r => {
    // The collector restarts an expired list once; when the token expires
    // again the read is unknown with the 410, never a guess.
    const q = req(r, 'accelerator_metrics');
    if (q.status === 'unknown') assert.match(errorsOf(q), /HTTP 410/);
    else assert.equal(r.verdict, 'conformant');
  },
  'f-oversized': r => {
    // The Node list is cut off at the cap: unknown with the reason.
    assert.equal(r.verdict, 'incomplete');
    const q = req(r, 'accelerator_metrics');
    assert.equal(q.status, 'unknown');
    assert.match(errorsOf(q), /response exceeded 33554432 bytes/);
  },
  'f-echo': r => {
    // The 400 body echoes the request; the message keeps it, redacted.
    assert.equal(r.verdict, 'incomplete');
    const q = req(r, 'accelerator_metrics');
    assert.equal(q.status, 'unknown');
    assert.match(
      errorsOf(q),
      /HTTP 400: GET [\s\S]*Authorization: \[redacted\]/,
    );
  },
  'f-403': r => {
    assert.equal(r.verdict, 'incomplete');
    const forbidden = r.requirements.filter(q =>
      q.errors.some(e => e.outcome === 'forbidden'),
    );
    assert.ok(forbidden.length > 0, 'forbidden reads reported');
    assert.ok(
      forbidden.every(
        q => q.status === 'unknown' || q.status === 'not-applicable',
      ),
    );
  },
};

/** CLI: exit code, then the JSON report (or the error on stderr). */
const cli = {
  'f-healthy': { exit: [0], report: reportChecks['f-healthy'] },
  'f-latency': { exit: [0], report: reportChecks['f-latency'] },
  'f-5xx': { exit: [2], report: reportChecks['f-5xx'] },
  'f-503-aggregated': {
    exit: [1, 2],
    report: reportChecks['f-503-aggregated'],
  },
  'f-hang': {
    exit: [2, 3],
    stderr: /deadline|timed out|timeout/i,
    report: reportChecks['f-hang'],
  },
  'f-reset': { exit: [3], stderr: /ECONNRESET|socket hang up|reset/i },
  'f-malformed': { exit: [2], report: reportChecks['f-malformed'] },
  'f-agg-malformed': { exit: [0, 2], report: reportChecks['f-agg-malformed'] },
  'f-agg-truncated': { exit: [0, 2], report: reportChecks['f-agg-truncated'] },
  'f-agg-503': { exit: [0, 2], report: reportChecks['f-agg-503'] },
  'f-agg-406': { exit: [0, 2], report: reportChecks['f-agg-406'] },
  'f-discovery-down': { exit: [2], report: reportChecks['f-discovery-down'] },
  'f-malformed-body': { exit: [2], report: reportChecks['f-malformed-body'] },
  'f-tls': { exit: [3], stderr: /TLS/ },
  'f-expired': { exit: [0, 2], report: reportChecks['f-expired'] },
  'f-403': { exit: [2], report: reportChecks['f-403'] },
  'f-oversized': { exit: [2], report: reportChecks['f-oversized'] },
  'f-echo': { exit: [2], report: reportChecks['f-echo'] },
};

/** Backend: the finished run record. */
function backendRun(name, run) {
  if (name === 'f-tls') {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /TLS|certificate/i);
    return;
  }
  if (name === 'f-reset') {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /ECONNRESET|socket hang up|reset/i);
    return;
  }
  if (name === 'f-hang') {
    const took = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
    assert.ok(took < 45_000, `ended at the deadline (took ${took} ms)`);
    if (run.status === 'failed') {
      assert.match(run.error ?? '', /deadline|timed out|timeout/i);
      return;
    }
  }
  assert.equal(run.status, 'succeeded', run.error);
  assert.ok(run.report, 'the run has a report');
  reportChecks[name](run.report);
}

module.exports = { cli, backendRun };
