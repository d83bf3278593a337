import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionSettings } from '../../../src/adapters/postgres/openPostgresStore.js';
import type { DeliveryOutcome } from '../../../src/ports/outbox.js';
import type { OutboxJob } from '../../../src/ports/outbox.js';
import { pause } from '../../ports/contract/records.js';
import { openEventStream } from '../../support/eventStream.js';
import { activeCase, entry } from '../../support/factories.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';
import { startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';

/**
 * A national rollout runs several app instances on one PostgreSQL database. Two real servers here
 * share one schema: what one records, the other's watchers see; each job is delivered once.
 * PGlite is a single session, so this needs a real server (CI runs it through .ci/run).
 */
const server = await findPostgresServer();
if (!server.available) console.warn(`Skipped two instances on one PostgreSQL database: ${server.why}`);
const title = 'two instances on one PostgreSQL database';

describe.skipIf(!server.available)(server.available ? title : `${title} — skipped: ${server.why}`, () => {
  const url = server.available ? server.url : '';
  const schema = freshSchemaName();
  const delivered: { instance: string; job: string }[] = [];
  let a: TestServer;
  let b: TestServer;

  const countingDeliverer =
    (instance: string) =>
    async (job: OutboxJob): Promise<DeliveryOutcome> => {
      delivered.push({ instance, job: job.id });
      await pause(2); // a call to an outside system takes a moment, so the two workers overlap
      return { ok: true };
    };
  const instance = (name: string) =>
    startTestServer({ env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, overrides: { deliverers: { 'test.count': countingDeliverer(name) } } });

  beforeAll(async () => {
    // One after the other: the first loads the demo people, the second finds them there.
    a = await instance('A');
    b = await instance('B');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(url, schema);
  });

  it('an attendee watching the case on instance A sees an entry added on instance B', async () => {
    const amyOnB = await b.signIn('yjs-amy');
    const caseId = await activeCase(amyOnB);
    const samOnA = await a.signIn('ecm-sam');
    const stream = await openEventStream(samOnA, caseId);
    try {
      await stream.next('ready');
      const added = await amyOnB.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Added during the formulation meeting.' }));
      expect(added.status).toBe(201);
      const seen = await stream.next('timeline.added');
      expect(seen.data.data).toMatchObject({ id: added.body.id, description: 'Added during the formulation meeting.' });
      expect(seen.data.actor).toEqual({ id: 'yjs-amy', name: 'Amy Clarke' });
    } finally {
      await stream.close();
    }
  });

  it('outbox workers on both instances deliver each of 120 jobs exactly once', async () => {
    await a.system.deps.store.transaction(async (tx) => {
      for (let n = 1; n <= 120; n += 1) await tx.outbox.enqueue({ id: `job-${n}`, kind: 'test.count', payload: { n }, now: TODAY });
    });
    const drain = async (t: TestServer) => {
      while ((await t.system.worker.runOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b)]);

    expect(delivered).toHaveLength(120);
    expect(new Set(delivered.map((d) => d.job)).size).toBe(120);
    expect(new Set(delivered.map((d) => d.instance))).toEqual(new Set(['A', 'B']));
    const done = await b.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'test.count', status: 'done' }, 500));
    expect(done).toHaveLength(120);
  });

  it('a watcher still sees what was added while its instance’s listening connection was cut', async () => {
    const amyOnB = await b.signIn('yjs-amy');
    const caseId = await activeCase(amyOnB);
    const stream = await openEventStream(await a.signIn('ecm-sam'), caseId);
    try {
      await stream.next('ready');
      await amyOnB.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Before the cut.' }));
      expect((await stream.next('timeline.added')).data.data.description).toBe('Before the cut.');

      const admin = new pg.Client(connectionSettings({ url }, 'test'));
      await admin.connect();
      const cut = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
        `ecm-for-teams case events (${schema})`.slice(0, 63),
      ]);
      await admin.end();
      expect(cut.rowCount).toBe(2);

      await amyOnB.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'While nobody listened.' }));
      expect((await stream.next('timeline.added')).data.data.description).toBe('While nobody listened.');
      await amyOnB.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'After listening again.' }));
      expect((await stream.next('timeline.added')).data.data.description).toBe('After listening again.');
    } finally {
      await stream.close();
    }
  });
});
