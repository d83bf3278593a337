import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { activeCase, referral } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

/**
 * The manager's view: one service at a glance, in one call, read-only and audited, by case
 * reference only. Bristol's caseload is built through the API over four months.
 */
describe("a service's dashboard", () => {
  let t: TestServer;
  const as = (staffId: string) => t.signIn(staffId);
  const refs: Record<string, string> = {};
  const VIEWED_ON = '2027-03-20T10:00:00.000Z';
  let grace: Api;

  const place = async (caseId: string, level: number, effectiveDate: string) => {
    const r = await (await as('ecm-sam')).post(`/api/v1/cases/${caseId}/trm`, { level, effectiveDate, rationale: `Level ${level} at the review.` });
    expect(r.status).toBe(201);
  };
  const referenceOf = async (caseId: string) => (await (await as('ecm-sam')).get(`/api/v1/cases/${caseId}`)).body.reference as string;

  beforeAll(async () => {
    t = await startTestServer();
    // 27 Nov 2026: a formulation approved (its review is overdue by March); placed at 2, then 3.
    const movedUp = (await caseWithApprovedFormulation(await as('yjs-amy'), await as('psy-helen'))).id;
    // A case still waiting on the parent or carer; another not yet asked; one closed; one in North Somerset.
    const amy = await as('yjs-amy');
    const waiting = (await amy.post('/api/v1/cases', referral())).body.id as string;
    await amy.post(`/api/v1/cases/${waiting}/agreements`, {
      party: 'young_person',
      decision: 'given',
      date: '2026-11-25',
      method: 'in_person',
      competenceNote: 'Understood.',
    });
    const closed = await activeCase(amy);
    const sam = await as('ecm-sam');
    await sam.post(`/api/v1/cases/${closed}/closure`, { reason: 'completed' }, { 'if-match': `"${(await sam.get(`/api/v1/cases/${closed}`)).body.version}"` });
    const elsewhere = await activeCase(await as('yjs-dan'), { serviceId: 'NSO', childName: 'Nico Elsewhere' });

    // 8 Jan 2027: another approval (due soon by 20 March); placed at 2, then 3, then set back to 1.5.
    t.clock.set('2027-01-08T10:00:00.000Z');
    const setBack = (await caseWithApprovedFormulation(await as('yjs-amy'), await as('psy-helen'), { childName: 'Sky Setback' })).id;
    const placedOnce = await activeCase(await as('yjs-amy'), { childName: 'Pat Placedonce' });
    await place(placedOnce, 2, '2027-01-08');
    const notPlaced = await activeCase(await as('yjs-amy'), { childName: 'Ned Notplaced' });

    t.clock.set(VIEWED_ON);
    await place(movedUp, 3, '2027-03-01');
    await place(setBack, 3, '2027-02-01');
    await place(setBack, 1.5, '2027-03-10');
    // The worker files the documents and tries the notifications: Amy never installed the app.
    await drainOutbox(t.system);
    for (const [k, id] of Object.entries({ movedUp, waiting, closed, elsewhere, setBack, placedOnce, notPlaced })) refs[k] = await referenceOf(id);
    grace = await as('mgr-bri');
  });
  afterAll(() => t.close());

  it("shows Bristol's manager the caseload, what waits and how children have moved, in one call", async () => {
    const res = await grace.get('/api/v1/services/BRI/dashboard');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.service).toEqual({ id: 'BRI', name: 'Bristol Youth Justice Service' });
    expect(d.today).toBe('2027-03-20');
    expect(d.counts).toEqual({ referred: 0, awaiting_agreement: 1, active: 4, closed: 1 });
    expect(d.activeCases.map((c: any) => c.reference).sort()).toEqual([refs.movedUp, refs.setBack, refs.placedOnce, refs.notPlaced].sort());
    expect(d.agreementsOutstanding).toEqual([
      expect.objectContaining({
        reference: refs.waiting,
        status: 'awaiting_agreement',
        agreement: { young_person: 'given', parent_carer: 'not_yet_known', local_authority: 'not_yet_known' },
        waitingOn: ['parent_carer'],
      }),
    ]);
    expect(d.reviews.map((r: any) => [r.reference, r.state])).toEqual([
      [refs.movedUp, 'overdue'],
      [refs.setBack, 'due_soon'],
    ]);
    expect(d.trmMovement.counts).toEqual({ up: 1, same: 0, setback: 1, first: 1, none: 1 });
    expect(d.trmMovement.cases.find((c: any) => c.reference === refs.setBack)).toMatchObject({ firstLevel: 2, latestLevel: 1.5, movement: 'setback' });
  });

  it('shows whom the bot cannot reach, what has not been delivered, and the library with each file’s last version', async () => {
    const d = (await grace.get('/api/v1/services/BRI/dashboard')).body;
    expect(d.unreachable).toEqual([
      expect.objectContaining({
        staffId: 'yjs-amy',
        name: 'Amy Clarke',
        reason: 'app_not_installed',
        cases: expect.arrayContaining([refs.movedUp, refs.setBack]),
      }),
    ]);
    expect(d.unreachable[0].undelivered).toBeGreaterThan(0);
    // Messages that did not reach Amy are one row for her, apart from documents (none are stuck here).
    expect(d.undelivered).toEqual([]);
    expect(d.undeliveredMessages).toEqual([
      expect.objectContaining({ recipient: 'yjs-amy', name: 'Amy Clarke', status: 'dead', messages: d.unreachable[0].undelivered }),
    ]);
    expect(d.undeliveredMessages[0].references.every((r: string) => Object.values(refs).includes(r))).toBe(true);
    expect(d.library.status).toBe('available');
    const files = d.library.items.filter((i: any) => i.folder === refs.movedUp);
    expect(files.map((f: any) => [f.name, f.documentType, f.version, f.versionLabel])).toEqual(
      expect.arrayContaining([
        [`${refs.movedUp}_formulation-report.docx`, 'formulation_report', 'v1', '1.0'],
        [`${refs.movedUp}_youth-friendly-formulation.docx`, 'youth_friendly_formulation', 'v1', '1.0'],
        [`${refs.movedUp}_timeline.svg`, 'timeline_picture', 'v1', '1.0'],
      ]),
    );
    expect(d.library.items.some((i: any) => i.folder === refs.elsewhere)).toBe(false);
  });

  it('names no child and gives no date of birth, and leaves out every other service', async () => {
    const text = JSON.stringify((await grace.get('/api/v1/services/BRI/dashboard')).body);
    for (const name of ['Jordan', 'Sky Setback', 'Pat Placedonce', 'Ned Notplaced', 'Nico', '2011-05-14']) expect(text).not.toContain(name);
    expect(text).not.toContain(refs.elsewhere);
  });

  it("refuses another service's manager, a YJS practitioner and a partner, and the ECM team sees each service it serves", async () => {
    expect((await (await as('mgr-nso')).get('/api/v1/services/BRI/dashboard')).status).toBe(403);
    expect((await (await as('yjs-amy')).get('/api/v1/services/BRI/dashboard')).status).toBe(403);
    expect((await (await as('police-jo')).get('/api/v1/services/BRI/dashboard')).status).toBe(403);
    expect((await grace.get('/api/v1/services/bristol/dashboard')).status).toBe(400);
    const sam = await as('ecm-sam');
    const nso = await sam.get('/api/v1/services/NSO/dashboard');
    expect(nso.status).toBe(200);
    expect(nso.body.activeCases.map((c: any) => c.reference)).toEqual([refs.elsewhere]);
  });

  it('changes nothing, and every look is in the audit trail, refusals too', async () => {
    const before = (await grace.get('/api/v1/services/BRI/dashboard')).body;
    expect((await grace.get('/api/v1/services/BRI/dashboard')).body).toEqual(before);
    const trail = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 100_000));
    expect(trail.filter((e) => e.action === 'dashboard.read' && e.actorId === 'mgr-bri').length).toBeGreaterThanOrEqual(5);
    expect(trail.some((e) => e.action === 'access.refused' && e.actorId === 'mgr-nso' && (e.detail as any).attempted === 'dashboard.read')).toBe(true);
  });

  afterAll(() => t.clock.set(TODAY));
});
