import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventType } from '../../src/domain/caseEvents.js';
import { activeCase, agreementGiven, entry } from '../support/factories.js';
import { readEvents } from '../support/sse.js';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { openDocx } from '../support/docx.js';
import { drainOutbox } from '../support/outbox.js';
import { readZip } from '../support/zipReader.js';
import { type Api, auditTrail, startTestServer, type TestServer } from '../support/testSystem.js';
import { CASE_ACTS, type CaseAct, type Expected, expectedOnCase, expectedOnService, HEARD_WITH, seesInCaseload } from './access/intent.js';
import { EXTRA_STAFF, SUBJECTS } from './access/people.js';
import { CASE_ROUTES, type CaseRoute, type CaseWorld, mountedRoutes, OUTSIDE_THE_MATRIX, pathFor, SERVICE_ROUTES } from './access/routes.js';
import { type Outcome, type Request, send } from './support/send.js';
import { type Actors, type CaseRegister, caseWorldFor, currentEtag, expectOk, signInActors } from './access/world.js';

/**
 * The whole access matrix through HTTP: every route the server mounts, for every role of the demo
 * in its own service and another, on and off the case team, partners before and after accepting
 * the terms — compared with the intent written out in access/intent.ts. And every case route asked
 * with a forged case id (another service's case, a random uuid, something that is not a uuid)
 * answers exactly as for a case that does not exist: nothing reveals another service's case.
 */
const CHILD = 'Jordan Test';
const OTHER_CHILD = 'Riley Otherservice';

/** What a partner who has not accepted the terms sees of a case: what they need to decide, and nothing of the child or the referral. */
const SHOWN_WITH_THE_INVITATION = ['id', 'reference', 'serviceId', 'serviceName', 'status', 'membership', 'terms', 'allowedActions', 'version'];
const shownBeyondTheInvitation = (view: Record<string, unknown>) => Object.keys(view).some((k) => view[k] !== null && !SHOWN_WITH_THE_INVITATION.includes(k));

/** A route's request, as the tab would send it. */
const request = (route: Pick<CaseRoute, 'method' | 'stream'>, path: string, body: unknown, ifMatch: string | undefined): Request => ({
  method: route.method,
  path,
  ...(body === undefined ? {} : { body: { json: body } }),
  ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
  ...(route.stream ? { stream: true } : {}),
});

const ACCESS_REFUSALS = new Set(['not_found', 'forbidden', 'terms_required', 'unauthenticated']);

function verdict(expected: Expected, o: Outcome, tolerate: string[] = []): boolean {
  switch (expected) {
    case 'allowed':
      return o.status < 400 || (o.code !== null && tolerate.includes(o.code) && !ACCESS_REFUSALS.has(o.code));
    case 'not_found':
      return o.status === 404 && o.code === 'not_found';
    case 'forbidden':
      return o.status === 403 && o.code === 'forbidden';
    case 'terms_required':
      return o.status === 403 && o.code === 'terms_required';
  }
}

/** A world of ids that name nothing at all. */
const nowhere = (w: CaseWorld): CaseWorld => ({
  ...w,
  caseId: randomUUID(),
  entries: { own: randomUUID(), others: randomUUID() },
  meetings: { upcoming: randomUUID(), toCancel: randomUUID(), toHold: randomUUID(), held: randomUUID() },
  actions: { own: randomUUID(), others: randomUUID() },
  questions: { own: randomUUID(), others: randomUUID() },
});

describe('the access matrix through HTTP', () => {
  let t: TestServer;
  let actors: Actors;
  const register: CaseRegister = new Map();
  /** A North Somerset case with records of its own: the other service's case. */
  let other: CaseWorld;
  let otherReference: string;

  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '1000000' } });
    await t.system.deps.store.transaction(async (tx) => {
      for (const s of EXTRA_STAFF) await tx.staff.upsert(s);
    });
    actors = await signInActors(t);
    const dan = await t.signIn('yjs-dan');
    const caseId = await activeCase(dan, { serviceId: 'NSO', childName: OTHER_CHILD });
    const fay = await t.signIn('probation-fay');
    await expectOk('invite Fay', actors.priya.post(`/api/v1/cases/${caseId}/team`, { staffId: 'probation-fay', agency: 'probation', caseRole: 'partner' }));
    await expectOk('Fay accepts', fay.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' }));
    const e = await expectOk('an entry on the other case', actors.priya.post(`/api/v1/cases/${caseId}/timeline`, entry()));
    const m = await expectOk(
      'a meeting on the other case',
      actors.priya.post(`/api/v1/cases/${caseId}/meetings`, {
        kind: 'review',
        startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
        endsAt: new Date(t.clock.now().getTime() + 7_200_000).toISOString(),
        attendeeIds: ['yjs-dan'],
      }),
    );
    const drafted = await expectOk(
      'a formulation on the other case',
      actors.helen.post(`/api/v1/cases/${caseId}/formulation`, {
        summary: 'Another child.',
        hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Trusts slowly.', evidence: [e.body.id] }],
        strengths: 'Kind.',
        recommendations: [{ id: 'r1', text: 'A weekly walk with the key worker.', trmLevel: 2, sequence: 1, relationshipBased: true }],
      }),
    );
    await expectOk('approve it', actors.helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': drafted.headers.get('etag')! }));
    const otherAction = (await expectOk('its plan', actors.helen.get(`/api/v1/cases/${caseId}/actions`))).body.items[0].id as string;
    otherReference = (await dan.get(`/api/v1/cases/${caseId}`)).body.reference;
    register.set(caseId, { serviceId: 'NSO', reference: otherReference, members: new Set(['yjs-dan', 'probation-fay']) });
    other = {
      caseId,
      entries: { own: e.body.id, others: e.body.id },
      meetings: { upcoming: m.body.id, toCancel: m.body.id, toHold: m.body.id, held: m.body.id },
      actions: { own: otherAction, others: otherAction },
      questions: { own: randomUUID(), others: randomUUID() },
      formulation: { summary: 'Another child.' },
      today: '2026-11-27',
      meetingStart: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
      nextReviewDue: '2027-02-05',
    };
  });
  afterAll(() => t?.close());

  it('covers every route the server mounts', () => {
    const covered = new Set([...CASE_ROUTES, ...SERVICE_ROUTES].map((r) => `${r.method} ${r.pattern}`));
    const uncovered = mountedRoutes(t.system.http).filter((r) => !covered.has(r) && !OUTSIDE_THE_MATRIX.includes(r));
    expect(uncovered).toEqual([]);
  });

  describe.each(SUBJECTS.map((s) => [s.label, s] as const))('%s', (_label, subject) => {
    it('meets every case route as the intent says, and learns nothing of a case out of reach', async () => {
      actors = await signInActors(t);
      const api = await t.signIn(subject.staffId);
      const world = await caseWorldFor(t, actors, subject, api, register);
      const reference = register.get(world.caseId)!.reference;
      const wrong: string[] = [];
      if (subject.team === 'invited') {
        const caseload = (await api.get('/api/v1/cases')).body.items as Record<string, unknown>[];
        if (caseload.length !== 1 || caseload.some(shownBeyondTheInvitation)) wrong.push('the caseload shows more than the invitation');
      }

      // Watching the case: told of each change, replayed or live, only if they may read what it carries.
      if (expectedOnCase(subject, 'timeline.read') === 'allowed') {
        const stream = readEvents(await api.raw(`/api/v1/cases/${world.caseId}/events`, { headers: { 'last-event-id': '1' } }));
        await stream.until((es) => es.some((e) => e.event === 'ready'));
        await expectOk('agreement again', actors.amy.post(`/api/v1/cases/${world.caseId}/agreements`, agreementGiven('parent_carer')));
        await expectOk('an entry to end on', actors.priya.post(`/api/v1/cases/${world.caseId}/timeline`, entry({ description: 'The last thing watched.' })));
        const heard = await stream.until((es) => es.some((e) => e.data.data?.description === 'The last thing watched.'));
        await stream.close();
        for (const e of heard.filter((h) => h.event !== 'ready')) {
          const act = HEARD_WITH[e.event as CaseEventType];
          if (expectedOnCase(subject, act) !== 'allowed') wrong.push(`the event stream tells of ${e.event} (${act}: ${expectedOnCase(subject, act)})`);
        }
        const liveAgreement = heard.some((e) => e.event === 'agreement.recorded' && e.data.actor.id === 'yjs-amy' && e.data.data.party === 'parent_carer');
        if (liveAgreement !== (expectedOnCase(subject, 'agreement.read') === 'allowed'))
          wrong.push(`the event stream ${liveAgreement ? 'tells' : 'does not tell'} of the agreement`);
      }

      for (const route of CASE_ROUTES) {
        if (route.entry === 'own' && !world.entries.own) continue; // they could not add one
        if (route.action === 'own' && !world.actions.own) continue; // off the team, they own none
        if (route.question === 'own' && !world.questions.own) continue; // their agency has no place on the team to be asked
        const expected = route.act === 'retention.delete' ? expectedOnService(subject, 'retention.delete', 'BRI') : expectedOnCase(subject, route.act);
        const ifMatch = route.ifMatch
          ? await currentEtag(
              actors.priya,
              world,
              route.ifMatch,
              route.entry && world.entries[route.entry],
              route.meeting && world.meetings[route.meeting],
              route.action && world.actions[route.action],
              route.question && world.questions[route.question],
            )
          : undefined;
        const o = await send(api, request(route, pathFor(route, world), route.body?.(world), ifMatch));
        if (!verdict(expected, o, route.tolerate)) wrong.push(`${route.name}: expected ${expected}, got ${o.status} ${o.code ?? ''}`);
        if (route.act === 'timeline.add' && o.status === 201) world.entries.own = (JSON.parse(o.text) as { id: string }).id;
        if (route.act === 'record.export' && route.method === 'POST' && o.status === 202) world.exportId = (JSON.parse(o.text) as { id: string }).id;
        if (expected !== 'allowed' && o.text.includes(CHILD)) wrong.push(`${route.name}: the refusal carries the child's name`);
        if (expected === 'not_found' && o.text.includes(reference)) wrong.push(`${route.name}: the refusal carries the case reference`);
        if (subject.team === 'invited' && route.name === 'read the case' && (o.text.includes(CHILD) || shownBeyondTheInvitation(JSON.parse(o.text)))) {
          wrong.push('read the case: the invitation shows more than the reference and the terms');
        }
      }

      // Forged case ids: whatever they name, the answer is the answer for a case that does not exist.
      const reachesOther = (act: CaseAct | 'retention.delete') =>
        act === 'retention.delete'
          ? expectedOnService(subject, 'retention.delete', 'NSO') === 'allowed'
          : expectedOnCase(
              { ...subject, team: subject.staffId === 'probation-fay' ? 'accepted' : subject.staffId === 'yjs-dan' ? 'member' : 'none' },
              act,
              'NSO',
            ) !== 'not_found';
      for (const route of CASE_ROUTES) {
        const ghost = nowhere(world);
        const variants: [string, CaseWorld, string][] = [
          ['a random uuid', ghost, ghost.caseId],
          ['something that is not a uuid', ghost, 'not-a-uuid'],
          ...(reachesOther(route.act) ? [] : ([["another service's case", other, other.caseId]] as [string, CaseWorld, string][])),
        ];
        // Bodies dated by this world's clock: the other case's times were taken hours earlier, and a past start is refused before the case is looked up.
        const dated = (w: CaseWorld): CaseWorld => ({ ...w, today: world.today, meetingStart: world.meetingStart, nextReviewDue: world.nextReviewDue });
        const answers = await Promise.all(
          variants.map(([, w, caseId]) => send(api, request(route, pathFor(route, w, { caseId }), route.body?.(dated(w)), '"1"'))),
        );
        const [first] = answers;
        for (const [i, a] of answers.entries()) {
          if (a.status !== first!.status || a.text !== first!.text)
            wrong.push(`${route.name} with ${variants[i]![0]}: ${a.status} ${a.text} (a random uuid: ${first!.status} ${first!.text})`);
          if (a.text.includes(otherReference) || a.text.includes(OTHER_CHILD)) wrong.push(`${route.name} with ${variants[i]![0]}: reveals the other case`);
        }
      }

      // Forged entry and meeting ids inside a case in reach: another case's record is not there.
      if (expectedOnCase(subject, 'case.read') === 'allowed') {
        for (const route of CASE_ROUTES.filter((r) => r.entry || r.meeting || r.action)) {
          const ids = (w: CaseWorld) => ({ entryId: w.entries.others, meetingId: w.meetings[route.meeting ?? 'upcoming'], actionId: w.actions.others });
          const [theirs, none] = await Promise.all(
            [other, nowhere(world)].map((w) => send(api, request(route, pathFor(route, world, ids(w)), route.body?.(world), '"1"'))),
          );
          if (theirs!.status !== none!.status || theirs!.text !== none!.text) {
            wrong.push(`${route.name} naming another case's record: ${theirs!.status} ${theirs!.text} (a random uuid: ${none!.status} ${none!.text})`);
          }
        }
      }

      expect(wrong).toEqual([]);
    });
  });

  it('every service-wide route answers every person as the intent says', async () => {
    const wrong: string[] = [];
    for (const subject of SUBJECTS) {
      const api = await t.signIn(subject.staffId);
      for (const route of SERVICE_ROUTES) {
        const expected = expectedOnService(subject, route.act, route.serviceId);
        const o = await send(
          api,
          request(route, route.pattern.replace(':serviceId', route.serviceId ?? '').replace(':list', 'active-cases'), route.body?.(), undefined),
        );
        if (!verdict(expected, o)) wrong.push(`${subject.label} | ${route.name}: expected ${expected}, got ${o.status} ${o.code ?? ''}`);
        if (route.act === 'case.refer' && o.status === 201) {
          const made = JSON.parse(o.text) as { id: string; reference: string };
          register.set(made.id, { serviceId: route.serviceId!, reference: made.reference, members: new Set([subject.staffId]) });
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every caseload lists exactly the cases the person may see', async () => {
    const wrong: string[] = [];
    for (const subject of SUBJECTS) {
      const api = await t.signIn(subject.staffId);
      const listed = (await api.get('/api/v1/cases?limit=200')).body.items as { id: string; child: unknown }[];
      const expected = [...register].filter(([, c]) => seesInCaseload(subject, c)).map(([id]) => id);
      const extra = listed.filter((c) => !expected.includes(c.id)).map((c) => register.get(c.id)?.reference ?? c.id);
      const missing = expected.filter((id) => !listed.some((c) => c.id === id)).map((id) => register.get(id)!.reference);
      if (extra.length || missing.length)
        wrong.push(`${subject.label}: lists ${extra.join(', ') || 'nothing'} it should not; misses ${missing.join(', ') || 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a refusal is the same whichever person makes it: the sign-in is needed first', async () => {
    const res = await fetch(`${t.url}/api/v1/cases/${other.caseId}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(otherReference);
  });

  it('asks for every act the intent names', () => {
    const asked = new Set<string>([...CASE_ROUTES, ...SERVICE_ROUTES].map((r) => r.act));
    expect([...CASE_ACTS].filter((a) => !asked.has(a))).toEqual([]);
  });
});

/**
 * Restricted entries (issue 16 §3): a health entry restricted by the nurse who added it reaches, by
 * any route, only the ECM team, the psychologist and health. Every other reader — partners from
 * other agencies, the YJS case holder, the manager — learns that a restricted health entry exists
 * and its life stage, never its text: not in the timeline, its history, the event stream (live or
 * replayed), the formulation's evidence, any document made or published, nor any card queued.
 */
describe('a restricted health entry, by every route', () => {
  const SECRET = 'Told the Quillfeather clinic nurse about self-harm';
  const EDITED = 'Quillfeather clinic: a referral to CAMHS followed';
  const LATER = 'Quillfeather follow-up after the approval';
  const NOT_READERS = ['police-jo', 'school-ruth', 'sw-mark', 'yjs-amy', 'mgr-bri'];
  const READERS = ['ecm-sam', 'psy-helen', 'health-ana'];
  let t: TestServer;
  let caseId: string;
  let entryId: string;
  let laterId: string;
  const heard = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestServer({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '1000000' } });
    const [amy, priya, helen, ana] = await Promise.all(['yjs-amy', 'ecm-priya', 'psy-helen', 'health-ana'].map((s) => t.signIn(s)));
    caseId = await activeCase(amy!);
    for (const [staffId, agency] of [
      ['police-jo', 'police'],
      ['school-ruth', 'education'],
      ['sw-mark', 'social_care'],
      ['health-ana', 'health'],
    ] as const) {
      // The ECM team and the service's manager read the case without an invitation.
      await expectOk(`invite ${staffId}`, priya!.post(`/api/v1/cases/${caseId}/team`, { staffId, agency, caseRole: 'partner' }));
      await expectOk(`${staffId} accepts`, (await t.signIn(staffId)).post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION }));
    }
    const added = await expectOk(
      'the nurse adds a health entry',
      ana!.post(
        `/api/v1/cases/${caseId}/timeline`,
        entry({ when: { precision: 'age', age: 13 }, category: 'health_development', sourceAgency: 'health', description: SECRET }),
      ),
    );
    entryId = added.body.id;
    const open = await expectOk('an open entry', amy!.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Moved school in Year 5.' })));

    await expectOk(
      'the nurse restricts it',
      ana!.post(`/api/v1/cases/${caseId}/timeline/${entryId}/restriction`, { reason: 'Shared in confidence.' }, { 'if-match': '"1"' }),
    );
    // Everyone watches from the start: the stream replays the entry as first added (open then, restricted now), then the edit live.
    const streams = await Promise.all(
      [...NOT_READERS, ...READERS].map(async (s) => {
        const api = await t.signIn(s);
        const stream = readEvents(await api.raw(`/api/v1/cases/${caseId}/events`, { headers: { 'last-event-id': '1' } }));
        await stream.until((es) => es.some((e) => e.event === 'ready'));
        return [s, stream] as const;
      }),
    );
    const edited = entry({ when: { precision: 'age', age: 13 }, category: 'health_development', sourceAgency: 'health', description: EDITED });
    await expectOk('and corrects it', ana!.put(`/api/v1/cases/${caseId}/timeline/${entryId}`, edited, { 'if-match': '"2"' }));
    for (const [s, stream] of streams) {
      const es = await stream.until((all) => all.some((e) => e.event === 'timeline.edited' && e.data.data?.id === entryId && e.data.data.version === 3));
      heard.set(s, JSON.stringify(es));
      await stream.close();
    }
    // A late watcher reconnecting from the start is replayed the whole story.
    const police = await t.signIn('police-jo');
    const replay = readEvents(await police.raw(`/api/v1/cases/${caseId}/events`, { headers: { 'last-event-id': '1' } }));
    heard.set('police-jo (replayed)', JSON.stringify(await replay.until((es) => es.filter((e) => e.data.data?.id === entryId).length >= 3)));
    await replay.close();

    // The formulation cites it as evidence; approved, the documents are published.
    const drafted = await expectOk(
      'a formulation citing it',
      helen!.post(`/api/v1/cases/${caseId}/formulation`, {
        summary: 'A summary.',
        hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Keeps feelings hidden.', evidence: [entryId, open.body.id] }],
        strengths: 'Kind.',
        recommendations: [{ id: 'r1', text: 'A weekly walk with the key worker.', trmLevel: 2, sequence: 1, relationshipBased: true }],
        youthFriendly: { summary: 'You keep going.', hypotheses: '', strengths: 'You are kind.', needs: '', recommendations: 'A weekly walk.' },
      }),
    );
    await expectOk('approved', helen!.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': drafted.headers.get('etag')! }));
    await drainOutbox(t.system);
    // An entry restricted after the approval: the documents of that version withhold it too.
    const later = await expectOk('a later health entry', ana!.post(`/api/v1/cases/${caseId}/timeline`, entry({ sourceAgency: 'health', description: LATER })));
    laterId = later.body.id;
    await expectOk(
      'restricted',
      ana!.post(`/api/v1/cases/${caseId}/timeline/${laterId}/restriction`, { reason: 'Shared in confidence.' }, { 'if-match': '"1"' }),
    );
  });
  afterAll(() => t?.close());

  const text = async (api: Api, path: string) => {
    const res = await api.raw(path, { method: 'GET' });
    const type = res.headers.get('content-type') ?? '';
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, text: type.includes('wordprocessingml') ? openDocx(bytes).allText : new TextDecoder().decode(bytes) };
  };
  const C = () => `/api/v1/cases/${caseId}`;
  const reads = () => [
    `${C()}/timeline?includeRetracted=true&limit=1000`,
    `${C()}/timeline?category=health_development`,
    `${C()}/timeline/${entryId}/history`,
    `${C()}/timeline/coverage`,
    `${C()}/formulation`,
    `${C()}/documents/formulation-report`,
    `${C()}/documents/youth-friendly-formulation`,
    `${C()}/documents/timeline-picture`,
    `${C()}/formulation/versions/1/revisions`,
  ];

  it('reaches no partner from another agency, nor the case holder or the manager, by any API read or the event stream', async () => {
    const wrong: string[] = [];
    for (const s of NOT_READERS) {
      const api = await t.signIn(s);
      for (const path of reads()) {
        const r = await text(api, path);
        if (/Quillfeather|Shared in confidence/.test(r.text) || (path.includes('/timeline') && r.text.includes('Ana Sousa')))
          wrong.push(`${s} reads it at ${path}`);
      }
      if (/Quillfeather|Shared in confidence/.test(heard.get(s)!)) wrong.push(`${s} hears it on the event stream`);
      const listed = (await api.get(`${C()}/timeline`)).body.items as Record<string, unknown>[];
      const piece = listed.find((e) => e.id === entryId);
      if (!piece || piece.sourceAgency !== 'health' || piece.lifeStage !== 'secondary' || piece.withheld !== true)
        wrong.push(`${s} does not see the piece: ${JSON.stringify(piece)}`);
    }
    if (/Quillfeather/.test(heard.get('police-jo (replayed)')!)) wrong.push('a replayed stream carries it');
    expect(wrong).toEqual([]);
  });

  it('is read by the ECM team, the psychologist and a health member, in the timeline, its history and the stream', async () => {
    for (const s of READERS) {
      const api = await t.signIn(s);
      expect((await text(api, `${C()}/timeline`)).text, s).toContain(EDITED);
      expect((await text(api, `${C()}/timeline/${entryId}/history`)).text, s).toContain(SECRET);
      expect(heard.get(s), s).toContain(EDITED);
    }
  });

  it('no document carries it, whoever makes it, and no published file or queued card', async () => {
    const wrong: string[] = [];
    for (const s of ['ecm-sam', 'psy-helen', 'yjs-amy', 'mgr-bri']) {
      const api = await t.signIn(s);
      for (const path of reads().filter((p) => p.includes('/documents/'))) {
        const r = await text(api, path);
        if (r.status !== 200) wrong.push(`${s}: ${path} answered ${r.status}`);
        if (r.text.includes('Quillfeather')) wrong.push(`${s}: ${path} carries it`);
        if (path.endsWith('formulation-report') && !r.text.includes('Restricted entry — Health, Secondary school years (11–15)'))
          wrong.push(`${s}: the report does not show the piece`);
      }
    }
    const reference = (await (await t.signIn('yjs-amy')).get(C())).body.reference as string;
    const folder = join(t.system.config.DATA_DIR, 'library', 'BRI', reference);
    const files = readdirSync(folder).filter((n) => !n.startsWith('.'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const published = name.endsWith('.docx') ? openDocx(bytes).allText : new TextDecoder().decode(bytes);
      if (published.includes('Quillfeather')) wrong.push(`the published ${name} carries it`);
    }
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId }, 500));
    if (JSON.stringify(jobs).includes('Quillfeather')) wrong.push('a queued job (card, notification, document) carries it');
    expect(wrong).toEqual([]);
  });

  it('is not found by a search for its words, except by those who may read it', async () => {
    for (const s of [...NOT_READERS, ...READERS]) {
      const found = await (await t.signIn(s)).get(`${C()}/timeline/search?q=Quillfeather`);
      expect(found.status, s).toBe(200);
      const ids = (found.body.items as { entry: { id: string } }[]).map((m) => m.entry.id);
      if (READERS.includes(s)) expect(ids, s).toContain(entryId);
      else expect(JSON.stringify(found.body), s).not.toMatch(/Quillfeather|Shared in confidence/);
      if (!READERS.includes(s)) expect(ids, s).toEqual([]);
    }
  });

  it("is withheld from the child's record exported by the service's manager, listed as restricted", async () => {
    const manager = await t.signIn('mgr-bri');
    const started = await manager.post(`${C()}/record-exports`, { requestedFor: 'young_person' });
    expect(started.status).toBe(202);
    await drainOutbox(t.system);
    const ready = await manager.get(`${C()}/record-exports/${started.body.id}`);
    expect(ready.body).toMatchObject({ state: 'ready', withheld: expect.arrayContaining([entryId, laterId]) });
    const res = await manager.raw(`${C()}/record-exports/${started.body.id}/download`, { method: 'GET' });
    expect(res.status).toBe(200);
    const files = readZip(new Uint8Array(await res.arrayBuffer()));
    expect(files.length).toBeGreaterThan(0);
    const carrying = files.filter((f) => {
      const body = f.name.endsWith('.docx') ? openDocx(f.data).allText : new TextDecoder().decode(f.data);
      return /Quillfeather|Shared in confidence/.test(body);
    });
    expect(carrying.map((f) => f.name)).toEqual([]);
  });

  it('refuses a partner restricting someone else’s entry, and lifting without a reason, changing nothing', async () => {
    const police = await t.signIn('police-jo');
    const ana = await t.signIn('health-ana');
    const open = (await ana.get(`${C()}/timeline`)).body.items.find((e: { description: string }) => e.description === 'Moved school in Year 5.');
    const refused = await police.post(`${C()}/timeline/${open.id}/restriction`, { reason: 'Mine now.' }, { 'if-match': `"${open.version}"` });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    const noReason = await ana.post(`${C()}/timeline/${entryId}/restriction/lift`, {}, { 'if-match': '"3"' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toContainEqual(expect.objectContaining({ path: 'reason' }));
    const now = (await ana.get(`${C()}/timeline`)).body.items as { id: string; version: number; restriction: unknown }[];
    expect(now.find((e) => e.id === open.id)).toMatchObject({ version: open.version, restriction: null });
    expect(now.find((e) => e.id === entryId)).toMatchObject({ version: 3, restriction: expect.objectContaining({ reason: 'Shared in confidence.' }) });
  });

  it('audits restricting with its reason', async () => {
    const trail = await auditTrail(t);
    const restricted = trail.filter((e) => e.action === 'timeline.entry.restricted');
    expect(restricted.map((e) => [e.actorId, (e.detail as { entryId: string; reason: string }).reason])).toEqual([
      ['health-ana', 'Shared in confidence.'],
      ['health-ana', 'Shared in confidence.'],
    ]);
  });
});
