import { DEMO_STAFF } from '../../src/demo/people.js';
import { activeCase, entry } from '../support/factories.js';
import type { TestServer } from '../support/testSystem.js';

export const staff = (id: string) => {
  const s = DEMO_STAFF.find((p) => p.id === id);
  if (!s?.aadObjectId) throw new Error(`no demo person ${id}`);
  return s;
};

/** The Teams user of a demo person, as Teams would present them in their personal chat with the bot. */
export const teamsUserOf = (id: string) => ({ id: `29:${id}`, aadObjectId: staff(id).aadObjectId as string, name: staff(id).name });

export const CHILD_NAME = 'Jordan Test';

export interface CaseWithMeeting {
  caseId: string;
  reference: string;
  meetingId: string;
}

/**
 * An active Bristol case (Amy Clarke holds it), with PC Jo Harris invited as a partner who has not
 * yet accepted the terms, and a formulation meeting Sam Okafor has arranged for Amy and Jo.
 */
export async function caseWithMeeting(t: TestServer, overrides: Record<string, unknown> = {}): Promise<CaseWithMeeting> {
  const amy = await t.signIn('yjs-amy');
  const sam = await t.signIn('ecm-sam');
  const caseId = await activeCase(amy, { childName: CHILD_NAME, ...overrides });
  const invited = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
  if (invited.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invited.body)}`);
  const scheduled = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
    kind: 'formulation',
    startsAt: '2026-12-08T10:00:00Z',
    endsAt: '2026-12-08T12:00:00Z',
    attendeeIds: ['yjs-amy', 'police-jo'],
    location: 'Bristol YJS, room 2',
  });
  if (scheduled.status !== 201) throw new Error(`scheduling failed: ${JSON.stringify(scheduled.body)}`);
  const shown = await amy.get(`/api/v1/cases/${caseId}`);
  return { caseId, reference: shown.body.reference, meetingId: scheduled.body.id };
}

/** A Teams meeting chat's thread id, as Graph gives it for an online meeting. */
export const meetingChatId = (n: number) => `19:meeting_ZjE${n}YTk0NDgtOGQ1Ny00@thread.v2`;

/**
 * `caseWithMeeting`, with the meeting's Teams chat recorded on it as the calendar sync records it in
 * Microsoft 365 mode (local mode's calendar makes no chat).
 */
export async function caseWithMeetingChat(t: TestServer, chatId: string): Promise<CaseWithMeeting> {
  const made = await caseWithMeeting(t);
  await t.system.deps.store.transaction(async (tx) => {
    const meeting = await tx.meetings.get(made.caseId, made.meetingId);
    if (!meeting || !(await tx.meetings.update({ ...meeting, chatId, version: meeting.version + 1 }, meeting.version))) throw new Error('no meeting');
  });
  return made;
}

/**
 * The case's formulation approved (Dr Helen Marsh), its plan's first action given to `ownerId` by
 * `dueBy` (Sam Okafor). The recommendation names the child, as a psychologist's wording may.
 */
export async function actionOwnedBy(t: TestServer, caseId: string, ownerId: string, dueBy: string): Promise<void> {
  const [amy, sam, helen] = await Promise.all(['yjs-amy', 'ecm-sam', 'psy-helen'].map((id) => t.signIn(id)));
  const ok = async <T extends { status: number; body: any }>(what: string, r: Promise<T>) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  const evidence = await ok('entry', amy!.post(`/api/v1/cases/${caseId}/timeline`, entry()));
  const drafted = await ok(
    'draft',
    helen!.post(`/api/v1/cases/${caseId}/formulation`, {
      summary: 'Many moves in the early years.',
      hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trusts adults slowly.', evidence: [evidence.body.id] }],
      strengths: 'Loyal and funny.',
      recommendations: [{ id: 'r1', text: `${CHILD_NAME} meets the same key worker each week.`, trmLevel: 2, sequence: 1, relationshipBased: true }],
    }),
  );
  await ok('approval', helen!.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': drafted.headers.get('etag')! }));
  const [action] = (await ok('plan', sam!.get(`/api/v1/cases/${caseId}/actions`))).body.items as { id: string; version: number }[];
  await ok('owner', sam!.patch(`/api/v1/cases/${caseId}/actions/${action!.id}`, { ownerId, dueBy }, { 'if-match': `"${action!.version}"` }));
}
