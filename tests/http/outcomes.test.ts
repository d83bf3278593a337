import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_COLUMNS } from '../../src/domain/outcomes.js';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { activeCase, referral } from '../support/factories.js';
import { startTestServer, type Api, type TestServer } from '../support/testSystem.js';

/** Every cell is a number, a code, a month or a service: never something a person could be found by. */
const ALLOWED_CELL = /^(|\d+(\.5)?|[a-z_]+|\d{4}-\d{2}|[A-Z]{3})$/;

const parse = (csv: string) => {
  const [head, ...lines] = csv.trimEnd().split('\r\n');
  return { header: head!.split(','), rows: lines.map((l) => l.split(',')) };
};

describe('the outcome export for evaluation', () => {
  let t: TestServer;
  let grace: Api;
  const names = ['Riley Outcome', 'Casey Outcome', 'Morgan Outcome'];
  const dobs = ['2010-02-03', '2011-07-08', '2012-09-10'];
  const freeText = ['Referred for robbery with a knife.', 'Mother had little antenatal care.', 'Needs a trusted relationship first.', 'A talented artist.'];

  beforeAll(async () => {
    t = await startTestServer();
    const amy = await t.signIn('yjs-amy');
    const helen = await t.signIn('psy-helen');
    // One referred only, one with an approved formulation and a placement that moved up, one closed consultation.
    await amy.post('/api/v1/cases', referral({ childName: names[0], childDateOfBirth: dobs[0], referralReason: freeText[0] }));
    const { id } = await caseWithApprovedFormulation(amy, helen, { childName: names[1], childDateOfBirth: dobs[1] });
    expect((await helen.post(`/api/v1/cases/${id}/trm`, { level: 3, rationale: 'Steadier now.', effectiveDate: '2026-11-27' })).status).toBe(201);
    const consultation = await activeCase(amy, { childName: names[2], childDateOfBirth: dobs[2], orderStart: null, orderEnd: null });
    const view = await helen.get(`/api/v1/cases/${consultation}`);
    expect((await helen.post(`/api/v1/cases/${consultation}/closure`, { reason: 'completed' }, { 'if-match': view.headers.get('etag')! })).status).toBe(200);
    // Another service's case, which Bristol's export must not count.
    await (await t.signIn('yjs-dan')).post('/api/v1/cases', referral({ serviceId: 'NSO', childName: 'Nobody Else' }));
    grace = await t.signIn('mgr-bri');
  });
  afterAll(() => t.close());

  it('gives the service’s manager one row per case, in referral order, with the measures', async () => {
    const res = await grace.get('/api/v1/services/BRI/outcomes.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="BRI_ecm-outcomes_2026-11-27.csv"');
    const { header, rows } = parse(res.body);
    expect(header).toEqual([...OUTCOME_COLUMNS]);
    expect(rows).toHaveLength(3);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => col(r, 'case_no'))).toEqual(['1', '2', '3']);
    expect(rows.map((r) => col(r, 'status'))).toEqual(['referred', 'active', 'closed']);
    expect(rows.map((r) => col(r, 'pathway'))).toEqual(['statutory_ecm', 'statutory_ecm', 'consultation']);
    expect(rows.map((r) => col(r, 'young_person_agreement'))).toEqual(['not_yet_known', 'given', 'given']);
    expect(col(rows[1]!, 'days_referral_to_formulation')).toBe('0');
    expect(col(rows[0]!, 'days_referral_to_formulation')).toBe('');
    expect([col(rows[1]!, 'trm_first_level'), col(rows[1]!, 'trm_latest_level'), col(rows[1]!, 'trm_movement')]).toEqual(['2', '3', 'up']);
    expect(col(rows[2]!, 'closure_reason')).toBe('completed');
  });

  it('holds no name, date of birth, case reference or free text: only numbers, codes and months', async () => {
    const csv: string = (await grace.get('/api/v1/services/BRI/outcomes.csv')).body;
    for (const s of [...names, ...names.flatMap((n) => n.split(' ')), ...dobs, ...freeText, 'Nobody Else']) expect(csv).not.toContain(s);
    expect(csv).not.toMatch(/BRI-\d{4}-\d{4}/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const row of parse(csv).rows) for (const cell of row) expect(cell).toMatch(ALLOWED_CELL);
  });

  it('is for the manager of that service only, and every export is audited', async () => {
    expect((await (await t.signIn('mgr-nso')).get('/api/v1/services/BRI/outcomes.csv')).status).toBe(403);
    expect((await (await t.signIn('psy-helen')).get('/api/v1/services/BRI/outcomes.csv')).status).toBe(403);
    expect((await (await t.signIn('admin-chris')).get('/api/v1/services/BRI/outcomes.csv')).status).toBe(403);
    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 10_000));
    expect(audit.filter((e) => e.action === 'outcomes.exported' && e.actorId === 'mgr-bri').length).toBeGreaterThan(0);
  });

  it('filters by referral dates and refuses a period that ends before it starts', async () => {
    expect(parse((await grace.get('/api/v1/services/BRI/outcomes.csv?from=2027-01-01')).body).rows).toHaveLength(0);
    const bad = await grace.get('/api/v1/services/BRI/outcomes.csv?from=2026-12-01&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
