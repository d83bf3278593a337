import { afterEach, describe, expect, it } from 'vitest';
import { APP_PERMISSIONS, DELEGATED_SCOPES, startM365Doubles } from '../support/m365.js';
import { type M365TestServer, startM365TestServer } from '../support/m365System.js';
import { until } from '../support/patience.js';

/** /readyz in Microsoft 365 mode: the doctor's cheap checks, run in the background, decide it with the database. */
describe('readiness in Microsoft 365 mode', () => {
  let t: M365TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });
  const readyz = async () => {
    const res = await fetch(`${t!.url}/readyz`);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };

  it('is ready when the tenant is set up right', async () => {
    t = await startM365TestServer();
    await until('the set-up checks to have run', async () => (await readyz()).status === 200);
    expect((await readyz()).body).toEqual({ status: 'ready' });
  });

  it('answers 503 naming the check, the setting and the README step when the client secret is wrong', async () => {
    const m = await startM365Doubles();
    // The secret was rotated in Entra ID; the server still has the old one.
    m.entra.registerApp({ clientId: m.clientId, secret: 'the-new-secret', applicationPermissions: APP_PERMISSIONS, delegatedScopes: DELEGATED_SCOPES });
    try {
      t = await startM365TestServer({ doubles: m });
      await until('/readyz to say the server cannot do its job', async () => (await readyz()).status === 503);
      const { body, retryAfter } = await readyz();
      expect(retryAfter).toBe('60');
      expect(body).toMatchObject({
        status: 'unavailable',
        down: ['microsoft365'],
        failing: [
          {
            check: 'app-token',
            detail: expect.stringContaining('invalid_client'),
            setting: 'AZURE_CLIENT_SECRET',
            fix: expect.stringContaining('step 2a or 2b.1'),
          },
        ],
      });
      // Nothing secret in the answer.
      expect(JSON.stringify(body)).not.toContain(m.clientSecret);
    } finally {
      await t?.close();
      t = null;
      await m.close();
    }
  });

  it('stays ready when one service’s library is out of reach, and lists it as a warning', async () => {
    const m = await startM365Doubles();
    m.libraries.SGL = m.ungranted;
    try {
      t = await startM365TestServer({ doubles: m });
      await until('the set-up checks to have run', async () => Boolean((await readyz()).body.warnings));
      expect(await readyz()).toMatchObject({
        status: 200,
        body: { status: 'ready', warnings: [{ check: 'library:SGL', fix: expect.stringContaining('step 3') }] },
      });
    } finally {
      await t?.close();
      t = null;
      await m.close();
    }
  });
});
