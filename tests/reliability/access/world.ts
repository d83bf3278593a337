import { todayIn } from '../../../src/ports/clock.js';
import { activeCase, entry } from '../../support/factories.js';
import type { Api } from '../../support/httpApi.js';
import type { TestServer } from '../../support/testSystem.js';
import type { Subject } from './intent.js';
import type { CaseWorld, MeetingKey, VersionOf } from './routes.js';

/**
 * A case of its own for each person under test, made the way the practice makes one: Amy (the YJS
 * case holder) refers it and records agreement, Priya (ECM) brings the person onto the team as the
 * subject's situation says and adds an entry, Helen (psychologist) approves a first formulation and
 * opens the next draft, and meetings are scheduled and one is held.
 */
export interface Actors {
  amy: Api;
  priya: Api;
  helen: Api;
}

/** Every case made, with who is on its team, for checking caseloads. */
export type CaseRegister = Map<string, { serviceId: string; reference: string; members: Set<string> }>;

const HOUR = 3_600_000;

const CASE_ROLE: Record<string, string> = {
  ecm_practitioner: 'ecm_practitioner',
  psychologist: 'psychologist',
  manager: 'manager',
  yjs_practitioner: 'case_holder',
  partner: 'partner',
};

export const expectOk = async <T extends { status: number; body: any }>(what: string, call: Promise<T>, status = [200, 201]): Promise<T> => {
  const res = await call;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
};

export async function signInActors(t: TestServer): Promise<Actors> {
  const [amy, priya, helen] = await Promise.all(['yjs-amy', 'ecm-priya', 'psy-helen'].map((id) => t.signIn(id)));
  return { amy: amy!, priya: priya!, helen: helen! };
}

const meetingAt = (startsAt: string, attendeeIds: string[]) => ({
  kind: 'review',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString(),
  attendeeIds,
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function caseWorldFor(
  t: TestServer,
  a: Actors,
  subject: Subject & { agency: string },
  subjectApi: Api,
  register: CaseRegister,
): Promise<CaseWorld> {
  const caseId = await activeCase(a.amy);
  const members = new Set(['yjs-amy']);
  const view = await expectOk('read the new case', a.amy.get(`/api/v1/cases/${caseId}`));
  register.set(caseId, { serviceId: 'BRI', reference: view.body.reference, members });

  if (subject.team !== 'none' && !members.has(subject.staffId)) {
    const caseRole = CASE_ROLE[subject.role] as string;
    await expectOk('invite the person', a.priya.post(`/api/v1/cases/${caseId}/team`, { staffId: subject.staffId, agency: subject.agency, caseRole }));
    members.add(subject.staffId);
    if (subject.team === 'accepted') {
      await expectOk('accept the terms', subjectApi.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' }));
    }
  }

  // A personal adviser on the team, whom no one under test speaks for: the jigsaw's question to another agency goes to them.
  await expectOk(
    'invite a personal adviser',
    a.priya.post(`/api/v1/cases/${caseId}/team`, { staffId: 'pa-noor', agency: 'personal_adviser', caseRole: 'partner' }),
  );
  members.add('pa-noor');
  const askOf = async (agency: string, lifeStage: string) =>
    (await expectOk(`ask ${agency}`, a.priya.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage, agency }))).body.id as string;
  const othersQuestion = await askOf('personal_adviser', 'pregnancy');
  // The person's own agency is asked when it has a place on the team (theirs, or the case holder's).
  const ownQuestion = subject.team !== 'none' || subject.agency === 'youth_justice' ? await askOf(subject.agency, 'infancy') : undefined;

  const others = await expectOk('add an entry', a.priya.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Added by the ECM practitioner.' })));
  const formulation = {
    summary: 'A childhood of many moves.',
    hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trusts adults slowly after many changes of carer.', evidence: [others.body.id] }],
    strengths: 'Loves drawing; loyal to friends.',
    recommendations: [
      { id: 'r1', text: 'The same key worker, same time, every week.', trmLevel: 2, sequence: 1, relationshipBased: true },
      { id: 'r2', text: 'Art sessions at the youth club.', trmLevel: 2, sequence: 2, relationshipBased: false },
    ],
  };
  const drafted = await expectOk('draft the formulation', a.helen.post(`/api/v1/cases/${caseId}/formulation`, formulation));
  await expectOk('approve v1', a.helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': drafted.headers.get('etag')! }));
  await expectOk('open v2', a.helen.post(`/api/v1/cases/${caseId}/formulation`, {}));
  // The plan: the person under test owns the first action when they are on the team; the ECM team holds the other.
  const plan = (await expectOk('read the plan', a.priya.get(`/api/v1/cases/${caseId}/actions`))).body.items as { id: string; recommendationId: string }[];
  const actionOf = (rec: string) => plan.find((x) => x.recommendationId === rec)!.id;
  if (members.has(subject.staffId)) {
    await expectOk('name the owner', a.priya.patch(`/api/v1/cases/${caseId}/actions/${actionOf('r1')}`, { ownerId: subject.staffId }, { 'if-match': '"1"' }));
  }
  const today = todayIn(t.clock);
  await expectOk(
    'place on the TRM',
    a.priya.post(`/api/v1/cases/${caseId}/trm`, { level: 2, rationale: 'Needs a trusted relationship first.', effectiveDate: today }),
  );

  const attendees = [...new Set(['yjs-amy', ...(subject.team === 'none' ? [] : [subject.staffId])])];
  const soon = new Date(t.clock.now().getTime() + HOUR).toISOString();
  const meetings = {} as Record<MeetingKey, string>;
  for (const key of ['upcoming', 'toCancel', 'toHold', 'held'] as const) {
    meetings[key] = (await expectOk(`schedule ${key}`, a.priya.post(`/api/v1/cases/${caseId}/meetings`, meetingAt(soon, attendees)))).body.id;
  }
  // The held meeting and the one whose outcome is to be recorded have started.
  t.clock.advance(2 * HOUR);
  const nextReviewDue = addDays(soon.slice(0, 10), 70);
  await expectOk(
    'hold a meeting',
    a.priya.post(`/api/v1/cases/${caseId}/meetings/${meetings.held}/outcome`, { summary: 'Formulation shared.', nextReviewDue }, { 'if-match': '"1"' }),
  );

  return {
    caseId,
    entries: { others: others.body.id },
    meetings,
    actions: { ...(members.has(subject.staffId) ? { own: actionOf('r1') } : {}), others: actionOf('r2') },
    questions: { ...(ownQuestion ? { own: ownQuestion } : {}), others: othersQuestion },
    formulation,
    today: todayIn(t.clock),
    meetingStart: new Date(t.clock.now().getTime() + HOUR).toISOString(),
    nextReviewDue,
  };
}

/** The current version of a record, as its ETag, read by Priya (who may read every Bristol case). */
export async function currentEtag(
  priya: Api,
  w: CaseWorld,
  of: VersionOf,
  entryId?: string,
  meetingId?: string,
  actionId?: string,
  questionId?: string,
): Promise<string> {
  switch (of) {
    case 'question': {
      const asked = (await expectOk('read the questions', priya.get(`/api/v1/cases/${w.caseId}/timeline/questions`))).body.items as {
        id: string;
        version: number;
      }[];
      return `"${asked.find((x) => x.id === questionId)!.version}"`;
    }
    case 'case':
      return (await expectOk('read the case', priya.get(`/api/v1/cases/${w.caseId}`))).headers.get('etag')!;
    case 'formulation':
      return (await expectOk('read the formulation', priya.get(`/api/v1/cases/${w.caseId}/formulation`))).headers.get('etag')!;
    case 'summary':
      return (await expectOk('read the summary', priya.get(`/api/v1/cases/${w.caseId}/summaries/court`))).headers.get('etag')!;
    case 'meeting':
      return (await expectOk('read the meeting', priya.get(`/api/v1/cases/${w.caseId}/meetings/${meetingId}`))).headers.get('etag')!;
    case 'action': {
      const plan = (await expectOk('read the plan', priya.get(`/api/v1/cases/${w.caseId}/actions`))).body.items as { id: string; version: number }[];
      return `"${plan.find((x) => x.id === actionId)!.version}"`;
    }
    case 'transitionPlan':
      return (await expectOk('read the transition plan', priya.get(`/api/v1/cases/${w.caseId}/transition-plan`))).headers.get('etag')!;
    case 'entry': {
      const history = await expectOk('read the history', priya.get(`/api/v1/cases/${w.caseId}/timeline/${entryId}/history`));
      return `"${history.body.items.at(-1).version}"`;
    }
  }
}
