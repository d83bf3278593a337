import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entraApp } from '../../../src/adapters/m365/entraApp.js';
import { graphSession } from '../../../src/adapters/m365/graph.js';
import { sharePointLibrary } from '../../../src/adapters/m365/sharePointLibrary.js';
import { OutsideServiceError } from '../../../src/lib/outsideServiceError.js';
import type { DocumentMetadata } from '../../../src/ports/documentLibrary.js';
import { GRAPH_AUDIENCE } from '../../support/graph/entraDouble.js';
import { type M365Doubles, startM365Doubles } from '../../support/m365.js';

const meta = (ref: string): DocumentMetadata => ({
  caseReference: ref,
  documentType: 'formulation_report',
  version: 'v1',
  reviewDate: null,
  retainUntil: '2034-01-31',
});
const MiB = 1024 * 1024;

/** SharePoint as Graph really behaves: grants, upload sessions, throttling, batches, dropped connections. */
describe('the SharePoint library against the Graph double', () => {
  let m: M365Doubles;
  beforeAll(async () => {
    m = await startM365Doubles();
  });
  afterAll(() => m.close());
  beforeEach(() => {
    m.graph.clearFaults();
    m.waits.length = 0;
  });
  const library = (overrides = {}) => sharePointLibrary({ graph: m.appGraph(overrides), libraries: m.libraries });
  const since = (n: number) => m.graph.log.slice(n);

  it('is refused a site the admin never granted (Sites.Selected), and says retrying cannot help', async () => {
    const lib = sharePointLibrary({ graph: m.appGraph(), libraries: { BRI: m.ungranted } });
    const error = await lib.putDocument('BRI', 'BRI-2026-0001', 'a.docx', Buffer.from('x'), meta('BRI-2026-0001')).catch((e) => e);
    expect(error).toBeInstanceOf(OutsideServiceError);
    expect(error).toMatchObject({ status: 403, permanent: true });
  });

  it('fails clearly for a service with no library configured', async () => {
    const error = await library()
      .ensureCaseFolder('WSX', 'WSX-2026-0001')
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'not_configured', permanent: true });
  });

  it('sends a small file in one PUT and a large one through an upload session of 320 KiB multiples, without Authorization', async () => {
    const lib = library();
    let start = m.graph.log.length;
    await lib.putDocument('BRI', 'BRI-2026-0101', 'small.docx', randomBytes(4 * MiB), meta('BRI-2026-0101'));
    const small = since(start);
    expect(small.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      '/drives/' + m.libraries.BRI!.driveId + '/root:/BRI-2026-0101/small.docx:/content',
    ]);
    expect(small.some((r) => r.path === '/upload')).toBe(false);

    start = m.graph.log.length;
    const big = randomBytes(7 * MiB + 123);
    await lib.putDocument('BRI', 'BRI-2026-0101', 'big.docx', big, meta('BRI-2026-0101'));
    const fragments = since(start).filter((r) => r.path === '/upload');
    expect(fragments.length).toBe(Math.ceil(big.length / (10 * 320 * 1024)));
    expect(fragments.every((r) => !r.authorization && r.status !== 416)).toBe(true);
    expect(fragments.map((r) => r.status)).toEqual([...fragments.slice(1).map(() => 202), 201]);
    expect(
      m.graph.drives
        .filesIn(m.libraries.BRI!.driveId)
        .find((f) => f.path === 'BRI-2026-0101/big.docx')
        ?.content.equals(big),
    ).toBe(true);
  });

  it('files a first try in two requests: the upload by path makes the case folder, and one PATCH sets the metadata', async () => {
    const start = m.graph.log.length;
    const item = await library().putDocument('BRI', 'BRI-2026-0111', 'first.docx', Buffer.from('first try'), meta('BRI-2026-0111'), {
      uploadId: 'up-1',
      firstTry: true,
    });
    expect(since(start).map((r) => `${r.method} ${r.path.replace(m.libraries.BRI!.driveId, 'd').replace(item.id, 'i')}`)).toEqual([
      'PUT /drives/d/root:/BRI-2026-0111/first.docx:/content',
      'PATCH /drives/d/items/i/listItem/fields',
    ]);
    expect(item).toMatchObject({
      folder: 'BRI-2026-0111',
      name: 'first.docx',
      size: 9,
      versionLabel: '1.0',
      uploadId: 'up-1',
      metadata: meta('BRI-2026-0111'),
    });
    // The eTag given back is the file's as it now stands (after the metadata): a write that names it is accepted.
    const next = await library().putDocument('BRI', 'BRI-2026-0111', 'first.docx', Buffer.from('second'), meta('BRI-2026-0111'), { ifMatch: item.eTag });
    expect(next.versionLabel).toBe('2.0');
  });

  it('on a retry, compares Graph’s quickXorHash and the size instead of downloading: the same bytes get no second version', async () => {
    const lib = library();
    const bytes = randomBytes(64 * 1024);
    // A crash between the bytes and the metadata: the file holds our bytes but not our upload id.
    await lib.putDocument('BRI', 'BRI-2026-0112', 'again.docx', bytes, meta('BRI-2026-0112'));
    const start = m.graph.log.length;
    const item = await lib.putDocument('BRI', 'BRI-2026-0112', 'again.docx', bytes, meta('BRI-2026-0112'), { uploadId: 'up-2' });
    expect(since(start).map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(item).toMatchObject({ versionLabel: '1.0', uploadId: 'up-2' });

    // Other bytes of the same size are a different file: uploaded as a new version.
    const other = Buffer.from(bytes);
    other[100] = other[100]! ^ 0xff;
    const replaced = await lib.putDocument('BRI', 'BRI-2026-0112', 'again.docx', other, meta('BRI-2026-0112'), { uploadId: 'up-3' });
    expect(replaced.versionLabel).toBe('2.0');
  });

  it('waits as long as Retry-After says when Graph throttles, then succeeds', async () => {
    m.graph.failNth(1, { kind: 'status', status: 429, retryAfterSeconds: 7 });
    m.graph.failNth(3, { kind: 'status', status: 503, retryAfterSeconds: 2 });
    const item = await library().putDocument('BRI', 'BRI-2026-0102', 'r.docx', Buffer.from('ok'), meta('BRI-2026-0102'));
    expect(item.versionLabel).toBe('1.0');
    expect(m.waits).toEqual([7000, 2000]);
  });

  it('hands a long Retry-After to its caller (the outbox) instead of sleeping through it', async () => {
    m.graph.failNth(1, { kind: 'status', status: 429, retryAfterSeconds: 120 });
    const error = await library({ maxInlineWaitMs: 10_000 })
      .putDocument('BRI', 'BRI-2026-0103', 'r.docx', Buffer.from('ok'), meta('BRI-2026-0103'))
      .catch((e) => e);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, permanent: false });
  });

  it('gives up on a request that never answers and tries again', async () => {
    m.graph.failNth(1, { kind: 'timeout' });
    const item = await library({ timeoutMs: 300 }).putDocument('BRI', 'BRI-2026-0104', 'r.docx', Buffer.from('ok'), meta('BRI-2026-0104'));
    expect(item.size).toBe(2);
    expect(m.graph.log.some((r) => r.status === 'timeout')).toBe(true);
  });

  it('resumes an upload session from nextExpectedRanges after a dropped fragment, without resending what arrived', async () => {
    const lib = library();
    const big = randomBytes(9 * MiB);
    let seen = 0;
    m.graph.inject({ matches: (_n, call) => call.upload && call.method === 'PUT' && ++seen === 2, fault: { kind: 'drop' }, times: 1 });
    m.graph.inject({
      matches: (_n, call) => call.upload && call.method === 'PUT' && seen === 3,
      fault: { kind: 'status', status: 503, retryAfterSeconds: 1 },
      times: 1,
    });
    const start = m.graph.log.length;
    await lib.putDocument('BRI', 'BRI-2026-0105', 'resumed.pdf', big, meta('BRI-2026-0105'));
    const upload = since(start).filter((r) => r.path === '/upload');
    expect(upload.some((r) => r.status === 'dropped')).toBe(true);
    expect(upload.some((r) => r.method === 'GET')).toBe(true);
    expect(upload.some((r) => r.status === 416)).toBe(false);
    const file = m.graph.drives.filesIn(m.libraries.BRI!.driveId).find((f) => f.path === 'BRI-2026-0105/resumed.pdf');
    expect(file?.content.equals(big)).toBe(true);
    expect(file?.versions).toBe(1);
  });

  it('finishes a file whose last fragment arrived though the answer was lost, with no second version', async () => {
    const big = randomBytes(5 * MiB);
    let puts = 0;
    m.graph.inject({ matches: (_n, call) => call.upload && call.method === 'PUT' && ++puts === 2, fault: { kind: 'drop' }, times: 1 });
    const item = await library().putDocument('BRI', 'BRI-2026-0106', 'last.pdf', big, meta('BRI-2026-0106'), { uploadId: 'delivery-1' });
    expect(item).toMatchObject({ size: big.length, versionLabel: '1.0', uploadId: 'delivery-1' });
  });

  it('lists a library of 25 case folders in two batches rather than 25 requests, surviving a 429 inside a batch', async () => {
    const lib = library();
    for (let i = 0; i < 25; i++) {
      const ref = `NSO-2026-${String(200 + i).padStart(4, '0')}`;
      await lib.putDocument('NSO', ref, 'formulation.docx', Buffer.from(ref), meta(ref));
    }
    let parts = 0;
    m.graph.inject({ matches: (_n, call) => call.inBatch && ++parts === 4, fault: { kind: 'status', status: 429, retryAfterSeconds: 3 }, times: 1 });
    const start = m.graph.log.length;
    const items = await lib.listLibrary('NSO');
    expect(items.filter((i) => /^NSO-2026-02\d\d$/.test(i.folder))).toHaveLength(25);
    const outer = since(start).filter((r) => !r.inBatch);
    expect(outer.filter((r) => r.path === '/$batch')).toHaveLength(3); // 20 + 5, and the throttled part again
    expect(outer.length).toBe(4);
    expect(m.waits).toContain(3000);
  });

  it('answers a dependent batch part with 424 when what it depends on fails, and the adapter sends both again', async () => {
    await library().putDocument('BRI', 'BRI-2026-0107', 'dep.docx', Buffer.from('dep'), meta('BRI-2026-0107'));
    let parts = 0;
    // Changing the metadata later is one batch (set the fields, then read the item back): the PATCH is
    // throttled, and the GET that depends on it gets 424.
    m.graph.inject({
      matches: (_n, call) => call.inBatch && call.method === 'PATCH' && ++parts === 1,
      fault: { kind: 'status', status: 503, retryAfterSeconds: 1 },
      times: 1,
    });
    const kept = { ...meta('BRI-2026-0107'), retainUntil: '2034-01-31' };
    const item = await library().setMetadata('BRI', 'BRI-2026-0107', 'dep.docx', kept);
    expect(item?.metadata).toEqual(kept);
    expect(m.graph.log.some((r) => r.inBatch && r.status === 503)).toBe(true);
  });

  it('cannot work with a wrong client secret: Entra ID refuses and the error says retrying will not help', async () => {
    const wrong = entraApp({
      tenantId: m.entra.tenantId,
      clientId: m.clientId,
      clientSecret: 'wrong',
      authorityHost: m.entra.url,
      graphResource: GRAPH_AUDIENCE,
      fetch: m.fetch,
    });
    const lib = sharePointLibrary({ graph: graphSession(m.settings(), () => wrong.appOnlyToken()), libraries: m.libraries });
    const error = await lib.ensureCaseFolder('BRI', 'BRI-2026-0108').catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid_client', permanent: true });
  });

  it('sends no token to Graph without one: the double refuses a missing bearer with Graph’s error envelope', async () => {
    const res = await m.fetch(`${m.graph.url}/v1.0/drives/${m.libraries.BRI!.driveId}/root/children`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', innerError: { 'request-id': expect.any(String) } } });
  });
});
