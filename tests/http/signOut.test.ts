import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

const auditActions = async (t: { system: TestServer['system'] }) =>
  t.system.deps.store.transaction(async (tx) => (await tx.audit.read('system', 0, 10_000)).map((e) => ({ actor: e.actorId, action: e.action })));

/** Signing out ends the session on the server: a copy of the token left behind signs nobody in. */
describe('signing out of a dev sign-in', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('the old token answers 401 afterwards, the sign-out is audited, and another session of the same person goes on', async () => {
    const amy = await t.signIn('yjs-amy');
    const amyElsewhere = await t.signIn('yjs-amy');
    expect((await amy.get('/api/v1/me')).status).toBe(200);

    const ended = await amy.post('/api/v1/sessions/current/revocation');
    expect(ended.status).toBe(204);

    const after = await amy.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await amy.post('/api/v1/sessions/current/revocation')).status).toBe(401);
    expect((await amyElsewhere.get('/api/v1/me')).status).toBe(200);
    expect(await auditActions(t)).toContainEqual({ actor: 'yjs-amy', action: 'session.ended' });
  });

  it('signing in again gives a new session that works', async () => {
    const sam = await t.signIn('ecm-sam');
    expect((await sam.post('/api/v1/sessions/current/revocation')).status).toBe(204);
    expect((await (await t.signIn('ecm-sam')).get('/api/v1/me')).status).toBe(200);
  });
});

describe('a dev sign-in of half an hour (SESSION_HOURS=0.5)', () => {
  it('lasts thirty minutes from the moment of signing in', async () => {
    const t = await startTestServer({ env: { SESSION_HOURS: '0.5' } });
    try {
      const res = await fetch(`${t.url}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"staffId":"yjs-amy"}',
      });
      expect(res.status).toBe(201);
      const { expiresAt } = (await res.json()) as { expiresAt: string };
      expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(30 * 60_000);
    } finally {
      await t.close();
    }
  });
});

describe('signing out in Microsoft 365 mode', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('the Teams token that signed out answers 401 although Entra ID still vouches for it; a fresh one works', async () => {
    const token = await t.tokenFor('psy-helen');
    const call = (method: string, path: string, bearer: string) => fetch(`${t.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${bearer}` } });
    expect((await call('GET', '/me', token)).status).toBe(200);
    expect((await call('POST', '/sessions/current/revocation', token)).status).toBe(204);
    expect((await call('GET', '/me', token)).status).toBe(401);
    expect((await call('GET', '/me', await t.tokenFor('psy-helen', { uti: 'a-fresh-token' }))).status).toBe(200);
  });
});
