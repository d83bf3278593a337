import { afterAll, beforeAll } from 'vitest';
import type { CaseMarks, Harness } from './harness.js';
import { drainOutbox } from '../support/outbox.js';
import { meetingCase, startHarness } from './harness.js';

/**
 * A case with something in every section: entries, an approved formulation v1 and a draft v2,
 * TRM placements with a setback, a scheduled review, version 1's documents in the library and two
 * people the bot cannot reach. Made through the API, as people would.
 */
export async function richCase(h: Harness, marks: CaseMarks & { entries?: number } = {}): Promise<{ caseId: string; entryIds: string[] }> {
  const tagged = (text: string) => (marks.tag ? `${text} (${marks.tag})` : text);
  const { caseId, amy } = await meetingCase(h, marks.entries ?? 6, marks);
  const entries = (await amy.get(`/api/v1/cases/${caseId}/timeline`)).body.items as { id: string }[];
  const helen = await h.server.signIn('psy-helen');
  const content = {
    summary: tagged('Riley grew up moving between homes; school was the steady place.'),
    hypotheses: [
      { id: 'h1', domain: 'triggers', text: tagged('Sudden changes of school feel like losing safety.'), evidence: [entries[0]!.id, entries[2]!.id] },
    ],
    strengths: 'Loves art; a trusted teacher at primary school.',
    needs: 'Speech and language assessment.',
    recommendations: [
      { id: 'r1', text: 'One consistent key worker, same time each week.', trmLevel: 2, sequence: 1, relationshipBased: true },
      { id: 'r2', text: 'Art-based mentoring.', trmLevel: 3, sequence: 2, relationshipBased: false },
    ],
    youthFriendly: {
      summary: 'You have moved a lot. School helped.',
      hypotheses: '',
      strengths: 'You are good at art.',
      needs: '',
      recommendations: 'Same worker each week.',
    },
  };
  const must = (r: { status: number; body: unknown }, what: string) => {
    if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  must(await helen.post(`/api/v1/cases/${caseId}/formulation`, content), 'draft');
  must(await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': '"1"' }), 'approval');
  must(await helen.post(`/api/v1/cases/${caseId}/formulation`), 'v2');
  must(
    await helen.put(
      `/api/v1/cases/${caseId}/formulation`,
      { ...content, summary: `${content.summary} Since the review, more settled.` },
      { 'if-match': '"1"' },
    ),
    'v2 save',
  );
  const sam = await h.server.signIn('ecm-sam');
  // The plan: the partner owns the first action, by a date after the approval.
  const plan = must(await sam.get(`/api/v1/cases/${caseId}/actions`), 'the plan').body as { items: { id: string; recommendationId: string }[] };
  const first = plan.items.find((a) => a.recommendationId === 'r1')!;
  must(
    await sam.patch(
      `/api/v1/cases/${caseId}/actions/${first.id}`,
      { ownerId: marks.partner?.staffId ?? 'police-jo', dueBy: '2026-12-18' },
      { 'if-match': '"1"' },
    ),
    'owner',
  );
  for (const [level, effectiveDate] of [
    [2, '2026-06-01'],
    [3, '2026-09-01'],
    [2.5, '2026-11-20'],
  ] as const) {
    must(await sam.post(`/api/v1/cases/${caseId}/trm`, { level, effectiveDate, rationale: tagged(`Placed at ${level} at the meeting.`) }), 'trm');
  }
  must(
    await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: '2026-12-10T10:00:00Z',
      endsAt: '2026-12-10T11:00:00Z',
      attendeeIds: ['yjs-amy', marks.partner?.staffId ?? 'police-jo'],
      ...(marks.tag ? { location: tagged('The YJS office') } : {}),
    }),
    'meeting',
  );
  // The worker files version 1's documents in the library and finds that Amy and Jo never installed the app.
  await drainOutbox(h.server.system);
  return { caseId, entryIds: entries.map((e) => e.id) };
}

/** For a whole test file: the harness and one rich case, made before its tests and closed after them. */
export function richCaseForFile(): { h: Harness; caseId: string } {
  const file = {} as { h: Harness; caseId: string };
  beforeAll(async () => {
    file.h = await startHarness();
    file.caseId = (await richCase(file.h)).caseId;
  });
  afterAll(() => file.h?.close());
  return file;
}
