import { startKubeSim } from '@ai-conformance/kube-sim';
import { connectToCluster } from '../cluster';
import { collectSnapshot } from '../collector';
import { evaluate } from '../evaluate';
jest.setTimeout(120_000);
it('dumps', async () => {
  const names = [
    'gke-1.34-conformant',
    'eks-1.35',
    'vanilla-1.36-cpu',
    'restricted-rbac',
    'hanging',
  ];
  const sim = await startKubeSim({
    clusters: names.map(n => ({ name: n.replace(/\./g, '-'), scenario: n })),
  });
  const out: string[] = [];
  for (const n of names) {
    const c = sim.cluster(n.replace(/\./g, '-'));
    const conn = await connectToCluster({
      type: 'explicit',
      name: c.name,
      url: c.server,
      caData: c.caData,
      token: c.token,
    });
    const snap = await collectSnapshot(conn, {
      deadlineMs: 2000,
      requestTimeoutMs: 700,
    });
    const rep = evaluate(snap, { requirementsVersion: '1.37' });
    out.push(`## ${n} ${rep.verdict} platform=${rep.cluster.platform}`);
    for (const r of rep.requirements) {
      out.push(`- ${r.id} [${r.status}] ${r.summary}`);
      for (const e of r.evidence.slice(0, 3))
        out.push(`    ev: ${e.description} ${JSON.stringify(e.fields ?? {})}`);
      for (const e of r.errors)
        out.push(
          `    err: ${e.read} ${e.outcome} ${e.hint ?? ''} ${e.message}`,
        );
      for (const no of r.notes ?? []) out.push(`    note: ${no}`);
    }
  }
  await sim.stop();
  require('fs').writeFileSync('/tmp/dump.txt', out.join('\n'));
});
