import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/domain/audit.js';
import { addDays, addMonths, addYears } from '../../src/domain/dates.js';
import { agreementGiven, consultationRequest, entry, referral } from '../support/factories.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const today = TODAY.slice(0, 10);
const etag = (version: number) => `"${version}"`;
/** A fictional 14-year-old, named only once the family agrees. */
const CHILD = { childName: 'Casey Consultwell', childDateOfBirth: addDays(addYears(today, -15), 40) };
const SHARING = { agreedBy: 'The young person and his mother', date: addDays(today, -1), method: 'in_person' };

describe('a consultation before court: a youth caution, on de-identified details, becoming a full case', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let grace: Api;
  let dan: Api;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    grace = await t.signIn('mgr-bri');
    dan = await t.signIn('yjs-dan');
  });
  afterAll(() => t.close());

  const trail = async (caseId: string): Promise<AuditEvent[]> =>
    t.system.deps.store.transaction(async (tx) =>
      (await Promise.all((await tx.audit.chains()).map((c) => tx.audit.read(c, 0, 10_000)))).flat().filter((e) => e.caseId === caseId),
    );
  const consultations = async () => (await sam.get('/api/v1/cases?service=BRI&pathway=consultation&limit=200')).body.items as { id: string }[];
  const meeting = (overrides: Record<string, unknown> = {}) => ({
    heldOn: today,
    ecmTeamIds: ['ecm-sam', 'psy-helen'],
    advice: 'Short sessions at the youth club with the same worker; text the day before.',
    nextSteps: 'YJS worker to move sessions to the youth club; ECM team to follow up in six weeks.',
    followUpOn: addDays(today, 42),
    ...overrides,
  });

  it('is recorded end to end on initials, age and service with no agreement, and never shows a name', async () => {
    const asked = await amy.post('/api/v1/consultations', consultationRequest({ childInitials: 'j. t.' }));
    expect(asked.status).toBe(201);
    expect(asked.headers.get('location')).toBe(`/api/v1/cases/${asked.body.id}`);
    expect(asked.body).toMatchObject({
      pathway: 'consultation',
      status: 'referred',
      child: null,
      agreementNeeds: null,
      consultation: { disposal: 'youth_caution', childInitials: 'JT', childAge: 14, sharingAgreement: null, meetings: [], followUpOn: null },
    });
    expect(asked.body.consultation.question).toMatch(/caution programme/);

    const met = await sam.post(`/api/v1/cases/${asked.body.id}/consultation/meetings`, meeting());
    expect(met.status).toBe(201);
    expect(met.body.consultation.meetings).toEqual([
      expect.objectContaining({
        heldOn: today,
        ecmTeam: [
          { staffId: 'ecm-sam', name: 'Sam Okafor' },
          { staffId: 'psy-helen', name: 'Dr Helen Marsh' },
        ],
        advice: meeting().advice,
        nextSteps: meeting().nextSteps,
        recordedBy: 'ecm-sam',
      }),
    ]);
    expect(met.body.consultation.followUpOn).toBe(addDays(today, 42));

    // The caseload shows it as a consultation, with no name because it has none.
    const listed = (await amy.get('/api/v1/cases?pathway=consultation')).body.items.find((c: { id: string }) => c.id === asked.body.id);
    expect(listed).toMatchObject({ pathway: 'consultation', child: null, consultation: { childInitials: 'JT' } });
    expect((await amy.get('/api/v1/cases?pathway=statutory_ecm')).body.items.some((c: { id: string }) => c.id === asked.body.id)).toBe(false);
    // The manager reads it on the dashboard's count of referred cases and on the case.
    expect((await grace.get(`/api/v1/cases/${asked.body.id}`)).body.consultation.meetings).toHaveLength(1);
    expect((await dan.get(`/api/v1/cases/${asked.body.id}`)).status).toBe(404);

    const actions = (await trail(asked.body.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['consultation.requested', 'consultation.meetingRecorded']));
  });

  it('with identifying details but no agreement is refused in the form’s words, and nothing changes', async () => {
    const before = (await consultations()).length;
    const r = await amy.post('/api/v1/consultations', consultationRequest(CHILD));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'childName', message: expect.stringMatching(/only with the family's agreement to share identifying details/) },
        { path: 'childDateOfBirth', message: expect.stringMatching(/only with the family's agreement/) },
      ]),
    );
    expect((await consultations()).length).toBe(before);
  });

  it('holds back agreement to take part, the timeline and a full case until the family agrees to share who the young person is', async () => {
    const c = (await amy.post('/api/v1/consultations', consultationRequest())).body;
    const agreed = await amy.post(`/api/v1/cases/${c.id}/agreements`, agreementGiven('young_person'));
    expect(agreed.status).toBe(422);
    expect(agreed.body.error.message).toMatch(/de-identified/);
    expect((await sam.post(`/api/v1/cases/${c.id}/timeline`, entry())).status).toBe(422);
    const order = { orderStart: today, orderEnd: addMonths(today, 12) };
    expect((await amy.post(`/api/v1/cases/${c.id}/consultation/full-case`, order, { 'if-match': etag(c.version) })).status).toBe(422);
    // Identifying details need the agreement beside them.
    const bare = await amy.post(`/api/v1/cases/${c.id}/consultation/identification`, CHILD, { 'if-match': etag(c.version) });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details).toEqual(expect.arrayContaining([{ path: 'sharingAgreement', message: expect.stringMatching(/record who agreed/) }]));
    expect((await amy.get(`/api/v1/cases/${c.id}`)).body).toMatchObject({ child: null, version: c.version });
  });

  it('a manager reads a consultation but gives no advice; only the ECM team records the meeting with the ECM team', async () => {
    const c = (await amy.post('/api/v1/consultations', consultationRequest())).body;
    expect((await grace.post(`/api/v1/cases/${c.id}/consultation/meetings`, meeting())).status).toBe(403);
    expect((await amy.post(`/api/v1/cases/${c.id}/consultation/meetings`, meeting())).status).toBe(403);
    const notTeam = await sam.post(`/api/v1/cases/${c.id}/consultation/meetings`, meeting({ ecmTeamIds: ['yjs-amy'] }));
    expect(notTeam.status).toBe(422);
    const future = await sam.post(`/api/v1/cases/${c.id}/consultation/meetings`, meeting({ heldOn: addDays(today, 1), followUpOn: addDays(today, 1) }));
    expect(future.status).toBe(400);
    expect(future.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['followUpOn', 'heldOn']);
    expect((await sam.get(`/api/v1/cases/${c.id}`)).body.consultation.meetings).toEqual([]);
  });

  it('becomes a full case keeping its reference, history and consultation record: agreement, then identifying details, then the order', async () => {
    const asked = (await amy.post('/api/v1/consultations', consultationRequest())).body;
    await sam.post(`/api/v1/cases/${asked.id}/consultation/meetings`, meeting());

    const identified = await amy.post(
      `/api/v1/cases/${asked.id}/consultation/identification`,
      { sharingAgreement: SHARING, ...CHILD },
      { 'if-match': etag(asked.version) },
    );
    expect(identified.status).toBe(200);
    expect(identified.body).toMatchObject({
      reference: asked.reference,
      child: { name: CHILD.childName, dateOfBirth: CHILD.childDateOfBirth },
      consultation: { sharingAgreement: SHARING, childInitials: 'JT' },
    });
    // Agreement to take part follows the usual rules for a 14-year-old at home.
    for (const party of ['young_person', 'parent_carer'] as const) {
      expect((await amy.post(`/api/v1/cases/${asked.id}/agreements`, agreementGiven(party, { date: today }))).status).toBe(201);
    }
    const version = (await amy.get(`/api/v1/cases/${asked.id}`)).body.version as number;
    const tooShort = await amy.post(
      `/api/v1/cases/${asked.id}/consultation/full-case`,
      { orderStart: today, orderEnd: addMonths(today, 3) },
      { 'if-match': etag(version) },
    );
    expect(tooShort.status).toBe(422);
    const full = await amy.post(
      `/api/v1/cases/${asked.id}/consultation/full-case`,
      { orderStart: today, orderEnd: addMonths(today, 12) },
      { 'if-match': etag(version) },
    );
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ id: asked.id, reference: asked.reference, pathway: 'statutory_ecm', status: 'active', orderEnd: addMonths(today, 12) });
    expect(full.body.consultation).toMatchObject({ disposal: 'youth_caution', meetings: [expect.objectContaining({ advice: meeting().advice })] });
    expect(full.body.consultation.becameCaseAt).not.toBeNull();
    // Now a case like any other: the timeline opens.
    expect((await sam.post(`/api/v1/cases/${asked.id}/timeline`, entry())).status).toBe(201);

    const events = await trail(asked.id);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['consultation.requested', 'consultation.meetingRecorded', 'consultation.identified', 'consultation.becameCase']),
    );
    for (const e of events) expect(JSON.stringify(e.detail)).not.toMatch(/Casey|Consultwell|his mother/);
    // It is no longer a consultation: no more consultation meetings on it.
    expect((await sam.post(`/api/v1/cases/${asked.id}/consultation/meetings`, meeting())).status).toBe(422);
  });

  it('once identified, a consultation counts in the duplicate check both ways', async () => {
    const child = { childName: 'Robin Twiceasked', childDateOfBirth: CHILD.childDateOfBirth };
    const first = await amy.post('/api/v1/consultations', consultationRequest({ ...child, sharingAgreement: SHARING }));
    expect(first.status).toBe(201);
    const referred = await amy.post('/api/v1/cases', referral({ childName: ' robin  TWICEASKED', childDateOfBirth: child.childDateOfBirth }));
    expect(referred.status).toBe(409);
    expect(referred.body.error).toMatchObject({ code: 'possible_duplicate', details: { references: [first.body.reference] } });

    const second = (await amy.post('/api/v1/consultations', consultationRequest())).body;
    const again = await amy.post(
      `/api/v1/cases/${second.id}/consultation/identification`,
      { sharingAgreement: SHARING, ...child },
      { 'if-match': etag(second.version) },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('possible_duplicate');
    expect((await amy.get(`/api/v1/cases/${second.id}`)).body.child).toBeNull();
  });
});
