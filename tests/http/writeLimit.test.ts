import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { activeCase, entry } from '../support/factories.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../support/postgresServer.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

/** The write limit's own clock, standing still unless moved, so no minute turns in the middle of a test. */
const limiterClock = () => fixedClock(TODAY);

const addEntries = async (api: Api, caseId: string, n: number) => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await api.post(`/api/v1/cases/${caseId}/timeline`, entry())).status);
  return statuses;
};

describe('the per-person write limit', () => {
  const clock = limiterClock();
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '6' }, overrides: { writeLimitClock: clock } });
  });
  afterAll(() => t.close());

  it('refuses a person’s changes past the limit with 429 until the minute turns, and leaves others and reading alone', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy); // three writes
    expect(await addEntries(amy, caseId, 4)).toEqual([201, 201, 201, 429]);
    const refused = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry());
    expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Too many changes') } });
    expect(refused.headers.get('ratelimit-policy')).toMatch(/q=6; w=60/);
    expect((await amy.get(`/api/v1/cases/${caseId}/timeline`)).status).toBe(200);
    const sam = await t.signIn('ecm-sam');
    expect(await addEntries(sam, caseId, 1)).toEqual([201]);

    clock.advance(60_000);
    expect(await addEntries(amy, caseId, 1)).toEqual([201]);
  });
});

/**
 * Behind a load balancer a person reaches whichever instance answers. On PostgreSQL the instances
 * count in the database they share, so the limit is one limit, not one per instance.
 */
const server = await findPostgresServer();
if (!server.available) console.warn(`Skipped the write limit across two instances: ${server.why}`);
const title = 'the per-person write limit across two instances on one PostgreSQL database';

describe.skipIf(!server.available)(server.available ? title : `${title} — skipped: ${server.why}`, () => {
  const url = server.available ? server.url : '';
  const schema = freshSchemaName();
  const clock = limiterClock();
  let a: TestServer;
  let b: TestServer;
  const instance = () =>
    startTestServer({ env: { DATABASE_URL: url, DATABASE_SCHEMA: schema, RATE_LIMIT_WRITES_PER_MINUTE: '8' }, overrides: { writeLimitClock: clock } });

  beforeAll(async () => {
    // One after the other: the first loads the demo people, the second finds them there.
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(url, schema);
  });

  it('a person’s writes on either instance count toward one limit', async () => {
    const amyOnA = await a.signIn('yjs-amy');
    const amyOnB = await b.signIn('yjs-amy');
    const caseId = await activeCase(amyOnA); // three writes, on A
    expect(await addEntries(amyOnA, caseId, 2)).toEqual([201, 201]);
    expect(await addEntries(amyOnB, caseId, 4)).toEqual([201, 201, 201, 429]);
    expect(await addEntries(amyOnA, caseId, 1)).toEqual([429]);
    // Someone else's count is their own, on either instance.
    expect(await addEntries(await b.signIn('ecm-sam'), caseId, 1)).toEqual([201]);

    clock.advance(60_000);
    expect(await addEntries(amyOnB, caseId, 1)).toEqual([201]);
  });

  it('writes at once on both instances are each counted: exactly the limit gets through', async () => {
    const samOnA = await a.signIn('ecm-sam');
    const samOnB = await b.signIn('ecm-sam');
    const caseId = await activeCase(await a.signIn('yjs-amy'));
    clock.advance(60_000);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? samOnA : samOnB).post(`/api/v1/cases/${caseId}/timeline`, entry()).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12);
  });
});
