// Seeded random requests against the AI Conformance routes: odd entity refs,
// malformed and mistyped bodies, random and oversized uploads. None of them
// is valid, so each must answer 4xx and store nothing.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzRequests({ seed, count, existing }) {
  const rnd = mulberry32(seed);
  const pick = xs => xs[Math.floor(rnd() * xs.length)];
  const int = n => Math.floor(rnd() * n);
  const randomString = (n, alphabet) =>
    Array.from({ length: n }, () => pick(alphabet)).join('');
  const chars = [..."abcXYZ019-_.~!$&'()*+,;=:@ %/\\?#"];
  const unicode = ['é', 'ß', '日本', '🚀', '\u202e', '\u0000', '\uffff', 'Ω'];
  const oddSegment = () =>
    pick([
      () => '%00',
      () => '..',
      () => '%2e%2e',
      () => '%2F',
      () => 'x'.repeat(300 + int(2000)),
      () => encodeURIComponent(randomString(1 + int(10), unicode)),
      () => encodeURIComponent(randomString(1 + int(40), chars)),
      () => `fz-${int(1e9)}`,
      () => '%ZZ',
      () => 'null',
      () => '-1',
    ])();
  const namespace = () => (rnd() < 0.5 ? 'default' : oddSegment());
  const unknownName = () => oddSegment();
  const badBodies = [
    () => ({ raw: '{"dryRunProbes":', type: 'application/json' }),
    () => ({ raw: '{"dryRunProbes": "yes"}', type: 'application/json' }),
    () => ({
      raw: '{"dryRunProbes": 1, "x": [1,2,3]}',
      type: 'application/json',
    }),
    () => ({
      raw: JSON.stringify({ a: Array.from({ length: 20000 }, (_, i) => i) }),
      type: 'application/json',
    }),
    () => ({ raw: '[]', type: 'application/json' }),
    () => ({ raw: 'null', type: 'application/json' }),
    () => ({ raw: randomString(200, chars), type: 'application/json' }),
    () => ({ raw: '<xml/>', type: 'application/xml' }),
  ];
  const randomBytes = n =>
    Buffer.from(Array.from({ length: n }, () => int(256)));
  const uploads = [
    () => ({ raw: randomBytes(1 + int(4096)), type: 'application/json' }),
    () => ({
      raw: randomBytes(1 + int(4096)),
      type: 'application/octet-stream',
    }),
    () => ({ raw: '{"schemaVersion": 1}', type: 'application/json' }),
    () => ({ raw: '{"kind":"ClusterSnapshot"', type: 'application/json' }),
    () => ({ raw: '<testsuites><testsuite', type: 'application/xml' }),
    () => ({ raw: '{"a":1}\n{"b":', type: 'application/x-ndjson' }),
    () => ({
      raw: Buffer.alloc(6 * 1024 * 1024, 0x7b),
      type: 'application/json',
    }),
    () => ({
      raw: JSON.stringify({ schemaVersion: 1, requirements: 'x'.repeat(1000) }),
      type: 'text/plain',
    }),
  ];

  const out = [];
  for (let i = 0; i < count; i++) {
    const kind = int(7);
    if (kind === 0) {
      out.push({
        method: 'GET',
        path: `/clusters/${namespace()}/${unknownName()}`,
        expect4xx: true,
      });
    } else if (kind === 1) {
      const q = pick([
        'limit=-5',
        'limit=abc',
        'limit=1e9',
        'before=yesterday',
        'before=%00',
        `limit=${randomString(5, chars)}`,
      ]);
      out.push({
        method: 'GET',
        path: `/clusters/${pick([
          ...existing,
          unknownName(),
        ])}/runs?${q}`.replace(/^\/clusters\/f-/, '/clusters/default/f-'),
        expect4xx: true,
      });
    } else if (kind === 2) {
      const b = pick(badBodies)();
      out.push({
        method: 'POST',
        path: `/clusters/${namespace()}/${unknownName()}/runs`,
        body: b.raw,
        headers: { 'content-type': b.type },
        expect4xx: true,
      });
    } else if (kind === 3) {
      const b = pick(badBodies.slice(0, 4))();
      out.push({
        method: 'POST',
        path: `/clusters/default/${pick(existing)}/runs`,
        body: b.raw,
        headers: { 'content-type': b.type },
        expect4xx: true,
      });
    } else if (kind === 4) {
      const u = pick(uploads)();
      const name = rnd() < 0.6 ? pick(existing) : unknownName();
      out.push({
        method: 'POST',
        path: `/clusters/default/${name}/reports`,
        body: u.raw,
        headers: { 'content-type': u.type },
        expect4xx: true,
      });
    } else if (kind === 5) {
      out.push({
        method: 'GET',
        path: `/runs/${pick([
          oddSegment(),
          '00000000-0000-0000-0000-000000000000',
          String(int(1e6)),
        ])}`,
        expect4xx: true,
      });
    } else {
      out.push({
        method: 'GET',
        path: `/clusters/default/${pick(
          existing,
        )}/self-assessment?format=${encodeURIComponent(
          randomString(4, chars),
        )}`,
        expect4xx: true,
      });
    }
  }
  return out;
}

module.exports = { fuzzRequests };
