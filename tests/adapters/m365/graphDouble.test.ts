import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type M365Doubles, startM365Doubles } from '../../support/m365.js';

const KiB = 1024;

/**
 * The Graph double itself, spoken to directly: it must refuse what Graph refuses, or the adapter
 * tests would prove nothing. (Each rule here is one the adapters rely on Graph to enforce.)
 */
describe('the Graph double behaves like Graph', () => {
  let m: M365Doubles;
  let token: string;
  let drive: string;
  const graph = (path: string, init: RequestInit = {}) =>
    m.fetch(`${m.graph.url}/v1.0${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
  const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  beforeAll(async () => {
    m = await startM365Doubles();
    token = await m.app.appOnlyToken();
    drive = m.libraries.BRI!.driveId;
    await graph(`/drives/${drive}/root/children`, json({ name: 'BRI-2026-0001', folder: {} }));
  });
  afterAll(() => m.close());

  it('refuses a simple upload over 4 MiB', async () => {
    const res = await graph(`/drives/${drive}/root:/BRI-2026-0001/big.bin:/content`, { method: 'PUT', body: randomBytes(4 * 1024 * KiB + 1) });
    expect(res.status).toBe(413);
  });

  it('answers a clashing folder with 409 nameAlreadyExists, or renames it when asked', async () => {
    const clash = await graph(`/drives/${drive}/root/children`, json({ name: 'BRI-2026-0001', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' }));
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as any).error.code).toBe('nameAlreadyExists');
    const renamed = await graph(`/drives/${drive}/root/children`, json({ name: 'BRI-2026-0001', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' }));
    expect(((await renamed.json()) as any).name).toBe('BRI-2026-0001 1');
  });

  it('changes the eTag on every write, fields included, and refuses a stale If-Match with 412', async () => {
    const put = (await (await graph(`/drives/${drive}/root:/BRI-2026-0001/a.docx:/content`, { method: 'PUT', body: 'a' })).json()) as any;
    const patched = await graph(`/drives/${drive}/items/${put.id}/listItem/fields`, {
      ...json({ EcmDocumentVersion: 'v1' }, 'PATCH'),
      headers: { 'content-type': 'application/json', 'if-match': put.eTag },
    });
    expect(patched.status).toBe(200);
    const stale = await graph(`/drives/${drive}/items/${put.id}/listItem/fields`, {
      ...json({ EcmDocumentVersion: 'v2' }, 'PATCH'),
      headers: { 'content-type': 'application/json', 'if-match': put.eTag },
    });
    expect(stale.status).toBe(412);
    const unknownColumn = await graph(`/drives/${drive}/items/${put.id}/listItem/fields`, json({ ChildName: 'x' }, 'PATCH'));
    expect(unknownColumn.status).toBe(400);
  });

  it('takes upload fragments only in order, in 320 KiB multiples, and never with Authorization', async () => {
    const session = (await (await graph(`/drives/${drive}/root:/BRI-2026-0001/s.bin:/createUploadSession`, json({}))).json()) as any;
    const body = randomBytes(700 * KiB);
    const put = (from: number, to: number, headers: Record<string, string> = {}) =>
      m.fetch(session.uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${from}-${to - 1}/${body.length}`, ...headers },
        body: body.subarray(from, to),
      });
    expect((await put(0, 320 * KiB, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await put(0, 300 * KiB)).status).toBe(400); // not a multiple of 320 KiB
    const first = await put(0, 320 * KiB);
    expect(first.status).toBe(202);
    expect(((await first.json()) as any).nextExpectedRanges).toEqual([`${320 * KiB}-`]);
    expect((await put(0, 320 * KiB)).status).toBe(416); // the same range again
    expect((await put(320 * KiB, 640 * KiB)).status).toBe(202);
    const last = await put(640 * KiB, body.length);
    expect(last.status).toBe(201);
  });

  it('limits $batch to 20, answers a failed dependency with 424, and may answer out of order', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: `/drives/${drive}/root` }));
    expect((await graph('/$batch', json({ requests: many }))).status).toBe(400);
    const res = (await (
      await graph(
        '/$batch',
        json({
          requests: [
            { id: 'a', method: 'GET', url: `/drives/${drive}/root:/BRI-2026-0001/missing.docx:` },
            { id: 'b', method: 'GET', url: `/drives/${drive}/root`, dependsOn: ['a'] },
            { id: 'c', method: 'GET', url: `/drives/${drive}/root` },
          ],
        }),
      )
    ).json()) as any;
    const byId = Object.fromEntries(res.responses.map((r: any) => [r.id, r.status]));
    expect(byId).toEqual({ a: 404, b: 424, c: 200 });
    expect(res.responses.map((r: any) => r.id)).not.toEqual(['a', 'b', 'c']);
  });

  it('throttles a part inside a batch that itself succeeds (a 429 inside a 200)', async () => {
    m.graph.inject({ matches: (_n, call) => call.inBatch, fault: { kind: 'status', status: 429, retryAfterSeconds: 4 }, times: 1 });
    const res = await graph('/$batch', json({ requests: [{ id: '1', method: 'GET', url: `/drives/${drive}/root` }] }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).responses[0]).toMatchObject({ status: 429, headers: { 'retry-after': '4' } });
  });

  it('lets an admin grant a site to the app (Sites.Selected), and only an admin', async () => {
    const site = m.ungranted.siteId;
    expect((await graph(`/sites/${site}`)).status).toBe(403);
    const grant = { roles: ['write'], grantedToIdentities: [{ application: { id: m.clientId, displayName: 'ECM for Teams' } }] };
    expect((await graph(`/sites/${site}/permissions`, json(grant))).status).toBe(403); // the app cannot grant itself
    m.entra.registerApp({ clientId: 'admin-tool', secret: 'admin-secret', applicationPermissions: ['Sites.FullControl.All'], delegatedScopes: [] });
    const form = new URLSearchParams({
      client_id: 'admin-tool',
      client_secret: 'admin-secret',
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
    });
    const admin = ((await (await m.fetch(`${m.entra.url}/${m.entra.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as any).access_token;
    const granted = await m.fetch(`${m.graph.url}/v1.0/sites/${site}/permissions`, {
      ...json(grant),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    });
    expect(granted.status).toBe(201);
    expect((await graph(`/sites/${site}`)).status).toBe(200);
  });
});
