import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Microsoft 365 mode: the API accepts only a valid Teams SSO token from an allowed tenant. */
describe('signing in with the Teams SSO token', () => {
  let t: M365TestServer;
  const epoch = () => Math.floor(t.clock.now().getTime() / 1000);
  const me = (token: string) => fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('lets a psychologist in with the role and services Entra ID gives her', async () => {
    const res = await me(await t.tokenFor('psy-helen'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ staffId: 'psy-helen', role: 'psychologist' });
    expect(
      Object.entries(body.serviceActions)
        .filter(([, actions]) => (actions as string[]).includes('case.refer'))
        .map(([s]) => s)
        .sort(),
    ).toEqual(['BNE', 'BRI', 'NSO', 'SGL']);
  });

  it('accepts a v1 token as well as a v2 one', async () => {
    expect((await me(await t.tokenFor('mgr-bri', { ver: '1.0' }))).status).toBe(200);
  });

  it('makes a staff record on first sign-in, found by object id next time, with access from app roles', async () => {
    const oid = randomUUID();
    const token = await t.m.entra.ssoToken(t.m.clientId, {
      oid,
      name: 'Nadia New',
      preferred_username: 'nadia@contoso.example',
      roles: ['YJS.Practitioner', 'Service.NSO'],
    });
    const first = await me(token);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      staffId: `aad-${oid}`,
      role: 'yjs_practitioner',
      serviceActions: { NSO: ['case.refer', 'caseload.read', 'service.read'], BRI: [] },
    });
    const promoted = await t.m.entra.ssoToken(t.m.clientId, {
      oid,
      name: 'Nadia New',
      preferred_username: 'nadia@contoso.example',
      roles: ['YJS.Manager', 'Service.NSO'],
    });
    expect(await (await me(promoted)).json()).toMatchObject({ staffId: `aad-${oid}`, role: 'manager' });
    const staff = await t.system.deps.store.transaction((tx) => tx.staff.list());
    expect(staff.filter((s) => s.aadObjectId === oid)).toHaveLength(1);
  });

  it('refuses a token whose only groups are not mapped to a role (ECM_ROLE_GROUPS is unset here)', async () => {
    const token = await t.m.entra.ssoToken(t.m.clientId, { oid: randomUUID(), roles: [], groups: [randomUUID()] });
    expect((await me(token)).status).toBe(401);
  });

  describe('refuses, with 401 and nothing in the logs that could leak the token,', () => {
    const cases: [string, () => Promise<string>][] = [
      ['an expired token', () => t.tokenFor('psy-helen', { exp: epoch() - 300 })],
      ['a token not valid yet', () => t.tokenFor('psy-helen', { nbf: epoch() + 600 })],
      ['a token for another app (audience)', () => t.tokenFor('psy-helen', { aud: 'api://someone-else/' + randomUUID() })],
      ['a token from an issuer that is not Entra ID', () => t.tokenFor('psy-helen', { iss: `https://evil.example/${t.m.entra.tenantId}/v2.0` })],
      ['a token from a tenant that is not allowed', () => t.tokenFor('psy-helen', { tid: randomUUID() })],
      [
        'a token whose payload was changed after signing (bad signature)',
        async () => {
          const [h, , s] = (await t.tokenFor('yjs-amy')).split('.');
          return `${h}.${b64({ oid: '00000000-0000-4000-8000-000000000005', roles: ['ECM.Psychologist', 'Service.BRI'], aud: t.m.clientId, tid: t.m.entra.tenantId, exp: epoch() + 3600, iat: epoch() })}.${s}`;
        },
      ],
      [
        'an unsigned token (alg: none)',
        async () => {
          const [, p] = (await t.tokenFor('psy-helen')).split('.');
          return `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
        },
      ],
      [
        'a token signed with a key Entra ID never published (unknown kid)',
        () => t.m.entra.ssoToken(t.m.clientId, { oid: '00000000-0000-4000-8000-000000000003', roles: ['ECM.Psychologist'] }, 'unpublished'),
      ],
      ['a token with no ECM app role', () => t.tokenFor('psy-helen', { roles: ['Some.Other.Role'] })],
      ['something that is not a token at all', async () => 'not-a-jwt'],
    ];
    for (const [what, make] of cases) {
      it(what, async () => {
        const token = await make();
        const before = t.logs.length;
        const res = await me(token);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
        const written = t.logs.slice(before).join('\n');
        expect(written).toContain('sign-in refused');
        for (const part of token.split('.').filter((x) => x.length > 8)) expect(written).not.toContain(part);
      });
    }
  });

  it('fetches Entra ID keys again for an unknown kid, so a rolled key is accepted', async () => {
    await t.m.entra.rollKeys();
    const fetched = t.m.entra.jwksFetches;
    expect((await me(await t.tokenFor('psy-helen'))).status).toBe(200);
    expect(t.m.entra.jwksFetches).toBe(fetched + 1);
    expect((await me(await t.tokenFor('psy-helen'))).status).toBe(200);
    expect(t.m.entra.jwksFetches).toBe(fetched + 1); // cached now
  });

  it('never hands a Graph or SSO token to the tab', async () => {
    const res = await me(await t.tokenFor('psy-helen'));
    const text = JSON.stringify(await res.json());
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
