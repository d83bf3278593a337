import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { openDocx } from '../support/docx.js';
import { startTestServer, type Api, type TestServer } from '../support/testSystem.js';

const bytes = async (api: Api, path: string) => {
  const res = await api.raw(path, { method: 'GET' });
  return { status: res.status, headers: res.headers, content: new Uint8Array(await res.arrayBuffer()) };
};

describe('case documents through the API', () => {
  let t: TestServer;
  let amy: Api;
  let helen: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    helen = await t.signIn('psy-helen');
    caseId = (await caseWithApprovedFormulation(amy, helen)).id;
  });
  afterAll(() => t.close());

  it('the case holder downloads the formulation report, named by case reference, without the child’s name', async () => {
    const res = await bytes(amy, `/api/v1/cases/${caseId}/documents/formulation-report`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="BRI-2026-\d{4}_formulation-report\.docx"$/);
    const doc = openDocx(res.content);
    expect(doc.allText).toContain('The young person has lived in four homes. The young person keeps going.');
    expect(doc.allText).toContain('The young person moved to live with an aunt.');
    expect(doc.allText).not.toMatch(/Jordan|Test\b|2011-05-14/);
  });

  it('a query naming another document still gets the formulation report, never the other document', async () => {
    const res = await bytes(amy, `/api/v1/cases/${caseId}/documents/formulation-report?document=timeline_picture`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/_formulation-report\.docx"$/);
  });

  it('the youth-friendly version and the timeline picture come from the same record', async () => {
    const yf = await bytes(amy, `/api/v1/cases/${caseId}/documents/youth-friendly-formulation`);
    expect(yf.status).toBe(200);
    expect(openDocx(yf.content).allText).toContain('You are a great artist.');
    const picture = await bytes(amy, `/api/v1/cases/${caseId}/documents/timeline-picture`);
    expect(picture.headers.get('content-type')).toContain('image/svg+xml');
    expect(new TextDecoder().decode(picture.content)).toContain('3 entries');
  });

  it('each document made is written to the audit trail with the case reference', async () => {
    await bytes(amy, `/api/v1/cases/${caseId}/documents/formulation-report`);
    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 10_000));
    const made = audit.filter((e) => e.action === 'documents.generated' && e.caseId === caseId);
    expect(made.length).toBeGreaterThan(0);
    expect(made.at(-1)!.actorId).toBe('yjs-amy');
    expect(made.at(-1)!.detail).toMatchObject({ document: 'formulation_report' });
  });

  it('a manager of another service is told the case does not exist; a partner may not read its documents', async () => {
    const martin = await t.signIn('mgr-nso');
    expect((await martin.get(`/api/v1/cases/${caseId}/documents/formulation-report`)).status).toBe(404);
    const invited = await helen.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    expect(invited.status).toBe(201);
    const jo = await t.signIn('police-jo');
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' })).status).toBe(201);
    const refused = await jo.get(`/api/v1/cases/${caseId}/documents/formulation-report`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('a review record is made once the meeting’s outcome is recorded', async () => {
    const scheduled = await helen.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: '2026-11-28T10:00:00Z',
      endsAt: '2026-11-28T11:00:00Z',
      attendeeIds: ['yjs-amy'],
    });
    expect(scheduled.status).toBe(201);
    const early = await amy.get(`/api/v1/cases/${caseId}/meetings/${scheduled.body.id}/review-record`);
    expect(early.status).toBe(404);
    t.clock.set('2026-11-28T12:00:00Z');
    // A day later: sign in again, as people do.
    amy = await t.signIn('yjs-amy');
    helen = await t.signIn('psy-helen');
    const r1 = (await helen.get(`/api/v1/cases/${caseId}/actions`)).body.items.find((a: { recommendationId: string }) => a.recommendationId === 'r1');
    const outcome = await helen.post(
      `/api/v1/cases/${caseId}/meetings/${scheduled.body.id}/outcome`,
      {
        summary: 'Good start.',
        actionProgress: [{ actionId: r1.id, status: 'under_way', happened: 'Every session kept.', decision: 'continue' }],
        replan: 'Keep going.',
        nextReviewDue: '2027-02-06',
      },
      { 'if-match': scheduled.headers.get('etag')! },
    );
    expect(outcome.status).toBe(200);
    const record = await bytes(amy, `/api/v1/cases/${caseId}/meetings/${scheduled.body.id}/review-record`);
    expect(record.status).toBe(200);
    expect(record.headers.get('content-disposition')).toMatch(/_review-record_2026-11-28\.docx"$/);
    const text = openDocx(record.content).allText;
    expect(text).toMatch(/The same worker each week\.\s*Every session kept\.\s*—\s*Continue \(Under way\)/);
    expect(text).toContain('The next review is due by 6 February 2027.');
  });
});
