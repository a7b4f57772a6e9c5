import {
  getChecklist,
  unregisterChecklist,
} from '@ai-conformance/plugin-ai-conformance-common';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadOfficialChecklist } from './loadOfficialChecklist';

const CHECKLIST_138 = `metadata:
  kubernetesVersion: v1.38
spec:
  networking:
    - id: ai_inference
      description: "Support the Gateway API."
      level: MUST
      status: ""
      evidence: []
      notes: ""
  security:
    - id: confidential_accelerators
      description: "If the accelerators support confidential computing, expose it."
      level: SHOULD
`;

describe('loadOfficialChecklist', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aic-checklist-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => unregisterChecklist('1.38'));

  it('registers a checklist from a file', async () => {
    const file = path.join(dir, 'AIConformance-1.38.yaml');
    fs.writeFileSync(file, CHECKLIST_138);
    const checklist = await loadOfficialChecklist(file);
    expect(checklist.version).toBe('1.38');
    expect(
      getChecklist('1.38').requirements.map(r => [
        r.id,
        r.level,
        r.conditional,
      ]),
    ).toEqual([
      ['ai_inference', 'MUST', false],
      ['confidential_accelerators', 'SHOULD', true],
    ]);
  });

  it('registers a checklist from a URL', async () => {
    const server = http.createServer((req, res) => {
      if (req.url === '/AIConformance-1.38.yaml') res.end(CHECKLIST_138);
      else res.writeHead(404).end();
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await loadOfficialChecklist(
        `http://127.0.0.1:${port}/AIConformance-1.38.yaml`,
      );
      expect(getChecklist('1.38').requirements).toHaveLength(2);
      await expect(
        loadOfficialChecklist(`http://127.0.0.1:${port}/missing.yaml`),
      ).rejects.toThrow(/HTTP 404/);
    } finally {
      await new Promise(r => server.close(r));
    }
  });

  it('names unreadable and invalid files', async () => {
    await expect(
      loadOfficialChecklist(path.join(dir, 'none.yaml')),
    ).rejects.toThrow(/ENOENT/);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'metadata: {}\nspec: {}\n');
    await expect(loadOfficialChecklist(bad)).rejects.toMatchObject({
      name: 'InputError',
    });
    expect(() => getChecklist('1.38')).toThrow(/Unknown/);
  });
});
