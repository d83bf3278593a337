import { expect } from 'vitest';
import { activeCase, entry } from './factories.js';
import { drainOutbox } from './outbox.js';
import type { TestServer } from './testSystem.js';

/**
 * A case taken through every kind of change, so that its stream carries every case event type:
 * agreement withdrawn and given again, a partner invited (whom the bot cannot reach), an entry
 * added, edited and retracted, a formulation drafted and approved (its documents made and filed),
 * a TRM placement, a meeting scheduled and answered, a transition plan written, the court summary worded and approved, and the case closed. `watch` is called once
 * the case exists and before anything on it changes; it resolves when the watcher is listening.
 */
export async function everyCaseEvent(t: TestServer, watch: (caseId: string) => Promise<void>): Promise<string> {
  const amy = await t.signIn('yjs-amy');
  const sam = await t.signIn('ecm-sam');
  const helen = await t.signIn('psy-helen');
  const caseId = await activeCase(amy);
  await watch(caseId);
  const ok = async (res: Promise<{ status: number; body: any }>, status = 201) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const withdrawn = { party: 'parent_carer', date: '2026-11-26', method: 'phone' };
  await ok(amy.post(`/api/v1/cases/${caseId}/agreements/withdrawals`, withdrawn));
  await ok(amy.post(`/api/v1/cases/${caseId}/agreements`, { ...withdrawn, decision: 'given' }));
  await ok(sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' }));
  const added = await ok(amy.post(`/api/v1/cases/${caseId}/timeline`, entry()));
  const edited = await ok(
    amy.put(`/api/v1/cases/${caseId}/timeline/${added.id}`, entry({ description: 'Moved primary school in the spring.' }), {
      'if-match': `"${added.version}"`,
    }),
    200,
  );
  await ok(
    amy.post(`/api/v1/cases/${caseId}/timeline/${added.id}/retraction`, { reason: 'Entered on the wrong case.' }, { 'if-match': `"${edited.version}"` }),
    200,
  );
  const kept = await ok(amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Won a school art prize.' })));
  const question = await ok(sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'infancy', agency: 'youth_justice' }));
  await ok(amy.post(`/api/v1/cases/${caseId}/timeline/questions/${question.id}/answer`, { outcome: 'nothing_held' }, { 'if-match': '"1"' }), 200);
  const drafted = await ok(
    helen.post(`/api/v1/cases/${caseId}/formulation`, {
      summary: 'Jordan Test has moved school often.',
      hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trust in adults is fragile after early moves.', evidence: [kept.id] }],
      strengths: 'A talented artist.',
      recommendations: [{ id: 'r1', text: 'The same worker each week.', trmLevel: 2, sequence: 1, relationshipBased: true }],
    }),
  );
  await ok(helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': `"${drafted.version}"` }), 200);
  await ok(helen.post(`/api/v1/cases/${caseId}/trm`, { level: 2, rationale: 'Needs a trusted relationship first.', effectiveDate: '2026-11-27' }));
  const meeting = await ok(
    sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: '2026-12-08T10:00:00Z',
      endsAt: '2026-12-08T11:00:00Z',
      attendeeIds: ['yjs-amy'],
    }),
  );
  await ok(amy.post(`/api/v1/cases/${caseId}/meetings/${meeting.id}/response`, { response: 'accepted' }), 200);
  await ok(
    amy.put(`/api/v1/cases/${caseId}/transition-plan`, { joining: [{ service: 'probation', joinBy: '2027-02-01' }], relationships: [] }, { 'if-match': '"0"' }),
    200,
  );
  const court = await ok(sam.get(`/api/v1/cases/${caseId}/summaries/court`), 200);
  const worded = await ok(sam.put(`/api/v1/cases/${caseId}/summaries/court`, { sections: court.sections }, { 'if-match': '"0"' }), 200);
  await ok(helen.post(`/api/v1/cases/${caseId}/summaries/court/approve`, undefined, { 'if-match': `"${worded.version}"` }), 200);
  // The documents are made and filed, the calendar mirrored, and the partner's invitation finds no chat with the bot.
  await drainOutbox(t.system);
  const view = await ok(sam.get(`/api/v1/cases/${caseId}`), 200);
  await ok(sam.post(`/api/v1/cases/${caseId}/closure`, { reason: 'completed' }, { 'if-match': `"${view.version}"` }), 200);
  return caseId;
}
