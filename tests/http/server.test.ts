import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

describe('the server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '8' } });
  });
  afterAll(() => t.close());

  it('answers health and readiness', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });

  it('may be framed by Teams, Outlook and Microsoft 365, and by no one else', async () => {
    const res = await fetch(`${t.url}/healthz`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(csp).toContain('https://outlook.office.com');
    expect(csp).toContain('https://*.cloud.microsoft');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('case data is never cached', async () => {
    const amy = await t.signIn('yjs-amy');
    expect((await amy.get('/api/v1/cases')).headers.get('cache-control')).toBe('no-store');
  });

  it('limits how many changes one person makes in a minute', async () => {
    const amy = await t.signIn('yjs-amy');
    const id = await activeCase(amy); // three writes
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await amy.post(`/api/v1/cases/${id}/timeline`, entry())).status);
    expect(statuses.filter((s) => s === 201).length).toBe(5);
    expect(statuses.at(-1)).toBe(429);
    // Reading is not limited.
    expect((await amy.get(`/api/v1/cases/${id}/timeline`)).status).toBe(200);
  });
});

describe('without the dev sign-in', () => {
  it('offers no demo accounts', async () => {
    const t = await startTestServer({ env: { ECM_DEV_SIGN_IN: 'false' } });
    try {
      expect((await fetch(`${t.url}/api/v1/dev/accounts`)).status).toBe(401);
      const res = await fetch(`${t.url}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"staffId":"yjs-amy"}',
      });
      expect(res.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
