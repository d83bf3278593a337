import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showAgreementPrompt } from '../../src/app/agreement/showAgreementPrompt.js';
import { addDays, addYears } from '../../src/domain/dates.js';
import { principal } from '../support/caseSetup.js';
import { agreementGiven, referral } from '../support/factories.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const today = TODAY.slice(0, 10);
/** A date of birth that makes the child `years` old today, `daysToBirthday` before their next birthday. */
const bornFor = (years: number, daysToBirthday = 60) => addDays(addYears(today, -(years + 1)), daysToBirthday);

describe("who must agree follows the young person's age and legal status", () => {
  let t: TestServer;
  let amy: Api;
  let grace: Api;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    grace = await t.signIn('mgr-bri');
  });
  afterAll(() => t.close());

  const refer = async (overrides: Record<string, unknown>) => {
    const r = await amy.post('/api/v1/cases', referral(overrides));
    expect(r.status).toBe(201);
    return r.body as { id: string; reference: string; version: number };
  };
  const agree = (caseId: string, party: string, overrides: Record<string, unknown> = {}) =>
    amy.post(`/api/v1/cases/${caseId}/agreements`, {
      ...agreementGiven('young_person', overrides),
      party,
      ...(party === 'young_person' ? {} : { competenceNote: undefined }),
      ...overrides,
    });

  it('a young person aged 18 at referral makes the case active with their own agreement alone', async () => {
    const c = await refer({ childDateOfBirth: bornFor(18) });
    const r = await agree(c.id, 'young_person');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'active', needs: { ageBand: 'aged_18_plus', needs: ['young_person'], missing: [] } });
  });

  it("a 14-year-old under a care order is active on their own and the local authority's agreement, and a parent's is not enough", async () => {
    const c = await refer({ childDateOfBirth: bornFor(14), legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother' });
    expect((await agree(c.id, 'young_person')).body.status).toBe('awaiting_agreement');
    const parent = await agree(c.id, 'parent_carer');
    expect(parent.body).toMatchObject({ status: 'awaiting_agreement', needs: { missing: ['local_authority'] } });
    const la = await agree(c.id, 'local_authority');
    expect(la.body).toMatchObject({ status: 'active', needs: { missing: [] } });
    const view = await amy.get(`/api/v1/cases/${c.id}`);
    expect(view.body).toMatchObject({ legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother' });
  });

  it('an agreement from someone who may not give it is refused in the form’s words and changes nothing', async () => {
    const adult = await refer({ childDateOfBirth: bornFor(18) });
    const parent = await agree(adult.id, 'parent_carer');
    expect(parent.status).toBe(422);
    expect(parent.body.error.message).toBe(
      "For a young person 18 or over with this legal status, a parent or carer takes part only with the young person's permission. Record their permission with the young person's agreement first.",
    );
    const child = await refer({ childDateOfBirth: bornFor(14) });
    const la = await agree(child.id, 'local_authority');
    expect(la.status).toBe(422);
    expect(la.body.error.message).toMatch(
      /the local authority does not give agreement to ECM\. Record the decision of the young person and a parent or carer\./,
    );
    for (const c of [adult, child]) expect((await amy.get(`/api/v1/cases/${c.id}/agreements`)).body.history).toEqual([]);
  });

  it("an 18-year-old's parent may agree once the young person has given permission, and a 17-year-old's objection is kept", async () => {
    const adult = await refer({ childDateOfBirth: bornFor(18) });
    expect((await agree(adult.id, 'young_person', { familyInvolvement: 'permits' })).status).toBe(201);
    expect((await agree(adult.id, 'parent_carer')).status).toBe(201);
    const older = await refer({ childDateOfBirth: bornFor(17) });
    expect((await agree(older.id, 'young_person', { familyInvolvement: 'objects' })).body.status).toBe('active');
    expect((await agree(older.id, 'parent_carer')).body.error.message).toMatch(/they have objected/);
  });

  it("an agreement dated before the young person's birth or after today is refused", async () => {
    const dob = bornFor(14);
    const c = await refer({ childDateOfBirth: dob });
    const early = await agree(c.id, 'young_person', { date: addDays(dob, -1) });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body.error)).toContain("before the young person's date of birth");
    expect((await agree(c.id, 'young_person', { date: addDays(today, 1) })).status).toBe(400);
    expect((await amy.get(`/api/v1/cases/${c.id}/agreements`)).body.history).toEqual([]);
  });

  it('a young person who turns 16 during the case is asked for their own agreement again, on the dashboard and in the bot’s prompt', async () => {
    const c = await refer({ childDateOfBirth: bornFor(15, 10) });
    await agree(c.id, 'young_person');
    expect((await agree(c.id, 'parent_carer')).body.status).toBe('active');
    let manager = grace;
    const outstanding = async () => (await manager.get('/api/v1/services/BRI/dashboard')).body.agreementsOutstanding.find((r: any) => r.caseId === c.id);
    expect(await outstanding()).toBeUndefined();

    t.clock.set(new Date(Date.parse(TODAY) + 20 * 86_400_000));
    try {
      // Sign-ins do not outlast twenty days: sign in again on the later day.
      manager = await t.signIn('mgr-bri');
      amy = await t.signIn('yjs-amy');
      expect(await outstanding()).toMatchObject({ askAgain: 'turned_16', waitingOn: ['young_person'], status: 'active' });
      const prompt = await showAgreementPrompt(t.system.deps, await principal(t.system.deps, 'yjs-amy'), c.id);
      expect(prompt.needs).toMatchObject({ ageBand: 'aged_16_17', askAgain: 'turned_16' });
      // The work goes on meanwhile: turning 16 does not undo the agreement the case began on.
      expect((await amy.get(`/api/v1/cases/${c.id}`)).body.status).toBe('active');
      const again = await agree(c.id, 'young_person', { date: addDays(today, 15) });
      expect(again.body.needs.askAgain).toBeNull();
      expect(await outstanding()).toBeUndefined();
    } finally {
      t.clock.set(TODAY);
      amy = await t.signIn('yjs-amy');
    }
  });

  it("a service's administrator changes a row; the practitioners' agreements follow it, and a row without the young person is refused", async () => {
    const chris = await t.signIn('admin-chris');
    const row = {
      ageBand: 'aged_16_17',
      legalStatus: 'remanded',
      needs: ['young_person', 'parent_carer'],
      mayAlsoAgree: ['local_authority'],
      family: 'always',
    };
    expect((await amy.put('/api/v1/services/SGL/agreement-rules', [row])).status).toBe(403);
    const bad = await chris.put('/api/v1/services/SGL/agreement-rules', [{ ...row, needs: ['parent_carer'] }]);
    expect(bad.status).toBe(400);
    const set = await chris.put('/api/v1/services/SGL/agreement-rules', [row]);
    expect(set.status).toBe(200);
    expect(set.body.ownRows).toEqual([row]);
    expect(set.body.rules).toHaveLength(18);
    const sgl = await t.signIn('yjs-kate');
    const read = await sgl.get('/api/v1/services/SGL/agreement-rules');
    expect(read.body.rules).toContainEqual(row);
    const referred = await sgl.post('/api/v1/cases', referral({ serviceId: 'SGL', childDateOfBirth: bornFor(17), legalStatus: 'remanded' }));
    expect(referred.status).toBe(201);
    const own = await sgl.post(`/api/v1/cases/${referred.body.id}/agreements`, agreementGiven('young_person'));
    expect(own.body).toMatchObject({ status: 'awaiting_agreement', needs: { missing: ['parent_carer'] } });
    expect((await chris.put('/api/v1/services/SGL/agreement-rules', [])).body.ownRows).toEqual([]);
  });

  it('a 17½-year-old is flagged as turning 18 within six months on the case, the caseload and the dashboard', async () => {
    const c = await refer({ childDateOfBirth: bornFor(17, 90) });
    await agree(c.id, 'young_person');
    const birthday = addDays(today, 90);
    expect((await amy.get(`/api/v1/cases/${c.id}`)).body.turnsEighteenOn).toBe(birthday);
    expect((await amy.get('/api/v1/cases?limit=100')).body.items.find((x: any) => x.id === c.id).turnsEighteenOn).toBe(birthday);
    const dashboard = (await grace.get('/api/v1/services/BRI/dashboard')).body;
    expect(dashboard.activeCases.find((r: any) => r.caseId === c.id).turnsEighteenOn).toBe(birthday);
    const younger = await refer({ childDateOfBirth: bornFor(14) });
    expect((await amy.get(`/api/v1/cases/${younger.id}`)).body.turnsEighteenOn).toBeNull();
  });

  it('a legal status that is not one of the six is refused at referral', async () => {
    const r = await amy.post('/api/v1/cases', referral({ legalStatus: 'fostered' }));
    expect(r.status).toBe(400);
  });
});
