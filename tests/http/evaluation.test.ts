import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { EXPORT_COLUMNS } from '../../src/domain/evaluation.js';
import type { Case } from '../../src/domain/case.js';
import { todayIn } from '../../src/ports/clock.js';
import { pseudonymOf } from '../../src/app/evaluation/pseudonym.js';
import { activeCase } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

/** Every cell is a pseudonym, a number, a code, a month, an age band or a service: nothing a child could be found by. */
const ALLOWED_CELL = /^(|P[0-9a-f]{16}|\d+(\.5)?|[a-z_]+|\d{4}-\d{2}|under_10|10-13|14-15|16-17|18\+|[A-Z]{3})$/;

const parse = (csv: string) => {
  const [head, ...lines] = csv.trimEnd().split('\r\n');
  const header = head!.split(',');
  return { header, rows: lines.map((l) => Object.fromEntries(l.split(',').map((cell, i) => [header[i], cell]))) };
};

const KEY = 'the-deployment-secret-for-pseudonyms-0123';
const MEASURES = {
  engagement: 'engaged',
  educationTrainingEmployment: 'part_time',
  accommodation: 'stable',
  furtherOffending: 'none',
  custodyOrRemand: 'none',
};

describe('the ECM team’s evaluation across the four services (fictional demo data)', () => {
  let t: TestServer;
  let sam: Api;
  let cases: Case[];

  beforeAll(async () => {
    t = await startTestServer({ overrides: { seedDemoCases: true } });
    sam = await t.signIn('ecm-sam');
    cases = await t.system.deps.store.transaction(async (tx) => (await tx.cases.list({}, { limit: 200 })).items);
  });
  afterAll(() => t.close());

  it('exports one pseudonymised file covering every case of the four services, with the measures recorded at reviews', async () => {
    const res = await sam.get('/api/v1/evaluation/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ecm-evaluation_${todayIn(t.clock)}.csv"`);
    const { header, rows } = parse(res.body);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(new Set(rows.map((r) => r.service))).toEqual(new Set(['BRI', 'NSO', 'SGL', 'BNE']));
    expect(new Set(rows.map((r) => r.pseudonym)).size).toBe(cases.length);
    // The demo's Bristol boy: a baseline at his formulation meeting, then three reviews, one with an alleged offence.
    const measured = rows.filter((r) => r.measure_no !== '');
    expect(measured.length).toBeGreaterThanOrEqual(10);
    expect(measured.some((r) => r.service === 'BRI' && r.meeting_kind === 'formulation' && r.engagement === 'partly_engaged')).toBe(true);
    expect(measured.some((r) => r.service === 'BRI' && r.further_offending === 'alleged')).toBe(true);
    expect(measured.every((r) => r.trm_level !== '')).toBe(true);
  });

  it('holds no name, date of birth or case reference of any case, nor any text a person typed', async () => {
    const csv: string = (await sam.get('/api/v1/evaluation/export')).body;
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) {
      const name = c.childName ?? '';
      for (const s of [name, ...name.split(/\s+/).filter((w) => w.length > 2), c.childDateOfBirth, c.reference, c.id, c.referralReason].filter(Boolean)) {
        expect(csv, `${c.reference}`).not.toContain(s);
      }
    }
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(csv).not.toMatch(/(BRI|NSO|SGL|BNE)-\d{4}-\d{4}/);
    for (const row of parse(csv).rows) for (const cell of Object.values(row)) expect(cell).toMatch(ALLOWED_CELL);
  });

  it('gives each child the same pseudonym in every export, and each child their own', async () => {
    const first = parse((await sam.get('/api/v1/evaluation/export')).body).rows;
    const again = parse((await (await t.signIn('psy-helen')).get('/api/v1/evaluation/export')).body).rows;
    expect(again.map((r) => r.pseudonym)).toEqual(first.map((r) => r.pseudonym));
  });

  it('shows the ECM team the evaluation figures across the services, naming no case', async () => {
    const res = await sam.get('/api/v1/evaluation');
    expect(res.status).toBe(200);
    const f = res.body;
    expect(f.services.map((s: { id: string }) => s.id)).toEqual(['BNE', 'BRI', 'NSO', 'SGL']);
    expect(f.children).toBe(cases.length);
    expect(f.supported).toBeGreaterThan(0);
    expect(f.supported).toBeLessThan(f.children);
    expect(Object.values(f.timeInEcm.bands).reduce((a: number, b) => a + (b as number), 0)).toBe(f.supported);
    expect(Object.values(f.trmMovement).reduce((a: number, b) => a + (b as number), 0)).toBe(f.supported);
    expect(f.trmMovement.up).toBeGreaterThan(0);
    expect(f.overTime.length).toBeGreaterThan(1);
    const text = JSON.stringify(f);
    for (const c of cases) for (const s of [c.childName, c.reference, c.id]) expect(text).not.toContain(s);
  });

  it('is the ECM team’s only: managers keep their per-service export, and others are refused', async () => {
    for (const who of ['mgr-bri', 'yjs-amy', 'police-jo', 'admin-chris']) {
      const api = await t.signIn(who);
      expect((await api.get('/api/v1/evaluation/export')).status, who).toBe(403);
      expect((await api.get('/api/v1/evaluation')).status, who).toBe(403);
    }
    expect((await (await t.signIn('mgr-bri')).get('/api/v1/services/BRI/outcomes.csv')).status).toBe(200);
  });

  it('writes each export in the audit trail of every service it covers', async () => {
    await sam.get('/api/v1/evaluation/export');
    for (const service of ['BRI', 'NSO', 'SGL', 'BNE']) {
      const trail = await t.system.deps.store.transaction((tx) => tx.audit.read(service, 0, 100_000));
      expect(
        trail.some((e) => e.action === 'evaluation.exported' && e.actorId === 'ecm-sam'),
        service,
      ).toBe(true);
    }
  });
});

describe('the evaluation’s measures at a review', () => {
  let t: TestServer;
  let sam: Api;
  let caseId: string;
  const yesterday = () => addDays(todayIn(t.clock), -1);
  const heldReview = (measures: unknown) => ({
    kind: 'review',
    startsAt: `${yesterday()}T10:00:00.000Z`,
    endsAt: `${yesterday()}T11:00:00.000Z`,
    attendeeIds: ['yjs-amy'],
    status: 'held',
    outcome: { summary: 'Reviewed the plan with the team around the child.', nextReviewDue: addDays(yesterday(), 70), measures },
  });

  beforeAll(async () => {
    t = await startTestServer({ env: { ECM_PSEUDONYM_KEY: KEY } });
    caseId = await activeCase(await t.signIn('yjs-amy'));
    const referredAt: string = (await (await t.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}`)).body.referredAt;
    t.clock.set(new Date(Date.parse(referredAt) + 10 * 86_400_000).toISOString());
    sam = await t.signIn('ecm-sam');
  });
  afterAll(() => t.close());

  it('refuses answers outside their lists in the form’s words, and stores nothing', async () => {
    const res = await sam.post(`/api/v1/cases/${caseId}/meetings`, heldReview({ ...MEASURES, engagement: 'brilliant', furtherOffending: 'maybe' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'outcome.measures.engagement', message: 'choose Engaged, partly engaged or not engaged' },
      { path: 'outcome.measures.furtherOffending', message: 'choose None, alleged, charged, convicted or not known' },
    ]);
    expect((await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items).toEqual([]);
  });

  it('keeps the measures with the review’s outcome, and the export carries them', async () => {
    const res = await sam.post(`/api/v1/cases/${caseId}/meetings`, heldReview(MEASURES));
    expect(res.status).toBe(201);
    expect(res.body.outcome.measures).toEqual(MEASURES);
    const rows = parse((await sam.get('/api/v1/evaluation/export')).body).rows;
    expect(rows).toHaveLength(1);
    // Made with the configured key, so the evaluators' earlier files still match.
    expect(rows[0]!.pseudonym).toBe(pseudonymOf(KEY, caseId));
    expect(rows[0]).toMatchObject({
      service: 'BRI',
      measure_no: '1',
      meeting_kind: 'review',
      engagement: 'engaged',
      education_training_employment: 'part_time',
    });
  });
});
