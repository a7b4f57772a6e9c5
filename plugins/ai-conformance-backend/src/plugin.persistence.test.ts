import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startKubeSim, type KubeSim } from '@ai-conformance/kube-sim';
import request from 'supertest';
import type { Knex } from 'knex';
import { aiConformancePlugin } from './plugin';
import { clusterEntity } from './__testUtils__/clusterEntities';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const BASE = '/api/ai-conformance';
const auth = () => mockCredentials.user.header('user:default/jane');

const databases = createTestDatabases();

describe('run history survives a backend restart', () => {
  let sim: KubeSim;
  let sqliteDir: string;

  beforeAll(async () => {
    sim = await startKubeSim({
      clusters: [{ name: 'gke-a', scenario: 'gke-1.35-should' }],
    });
    sqliteDir = fs.mkdtempSync(
      path.join(os.tmpdir(), 'ai-conformance-sqlite-'),
    );
  });
  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(sqliteDir, { recursive: true, force: true });
  });

  /** The plugin's database: `backend.database` config, or a given knex. */
  type Database = { config: object } | { knex: Knex };

  function start(database: Database) {
    const c = sim.cluster('gke-a');
    return startTestBackend({
      features: [
        aiConformancePlugin,
        catalogServiceMock.factory({ entities: [clusterEntity('gke-a')] }),
        ...('knex' in database
          ? [mockServices.database.factory({ knex: database.knex })]
          : []),
        mockServices.rootConfig.factory({
          data: {
            ...('config' in database
              ? { backend: { database: database.config } }
              : {}),
            aiConformance: {
              schedule: { enabled: false },
              clusters: [
                {
                  name: 'gke-a',
                  url: c.server,
                  caData: c.caData,
                  serviceAccountToken: c.token,
                },
              ],
            },
          },
        }),
      ],
    });
  }

  async function runAndRestart(database: Database) {
    const first = await start(database);
    let runId: string;
    let verdict: string;
    try {
      const created = await request(first.server)
        .post(`${BASE}/clusters/default/gke-a/runs`)
        .set('Authorization', auth())
        .send({});
      expect(created.status).toBe(202);
      runId = created.body.runId;
      const until = Date.now() + 60_000;
      let run;
      do {
        await new Promise(r => setTimeout(r, 200));
        run = await request(first.server)
          .get(`${BASE}/runs/${runId}`)
          .set('Authorization', auth());
      } while (
        ['queued', 'running'].includes(run.body.status) &&
        Date.now() < until
      );
      expect(run.body.status).toBe('succeeded');
      verdict = run.body.report.verdict;
    } finally {
      await first.stop();
    }

    const second = await start(database);
    try {
      const history = await request(second.server)
        .get(`${BASE}/clusters/default/gke-a/runs`)
        .set('Authorization', auth());
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual([
        expect.objectContaining({
          runId,
          status: 'succeeded',
          verdict,
          createdBy: 'user:default/jane',
        }),
      ]);
      const detail = await request(second.server)
        .get(`${BASE}/clusters/default/gke-a`)
        .set('Authorization', auth());
      expect(detail.body.report.verdict).toBe(verdict);
      expect(detail.body.report.requirementsVersion).toBe('1.35');
    } finally {
      await second.stop();
    }
  }

  it('on a SQLite file', async () => {
    await runAndRestart({
      config: {
        client: 'better-sqlite3',
        connection: { directory: sqliteDir },
      },
    });
    expect(
      fs.readdirSync(sqliteDir).some(f => f.includes('ai-conformance')),
    ).toBe(true);
  });

  it.each(databases.ids.filter(id => id !== 'SQLITE_3'))(
    'on PostgreSQL (%s)',
    async id => {
      expect.hasAssertions();
      await runAndRestart({ knex: await databases.init(id) });
    },
  );
});
