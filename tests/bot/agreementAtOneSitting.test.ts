import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { connectionDropStore } from '../support/connectionDropStore.js';
import { referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { chatAs, textOf } from './chat.js';

/** The agreement card records both decisions together, through botbuilder's TestAdapter and the real use cases. */
describe('recording agreement from the bot', () => {
  let t: TestServer;
  let db: ReturnType<typeof connectionDropStore>;
  beforeAll(async () => {
    db = connectionDropStore(await openSqliteStore({ dataDir: ':memory:' }));
    t = await startTestServer({ overrides: { store: db.store } });
  });
  afterAll(() => t.close());

  it("a parent or carer's decision that cannot be recorded leaves the young person's unrecorded too", async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral());
    db.dropAfterAgreements(1);
    const card = await chatAs(t, 'yjs-amy').press('agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-25',
      youngPersonMethod: 'in_person',
      competenceNote: 'Understood what ECM involves.',
      parentCarerDecision: 'given',
      parentCarerDate: '2026-11-26',
      parentCarerMethod: 'phone',
    });
    expect(textOf(card)).toContain('That did not work');
    const agreements = await amyApi.get(`/api/v1/cases/${referred.body.id}/agreements`);
    expect(agreements.body.history).toEqual([]);
    expect((await amyApi.get(`/api/v1/cases/${referred.body.id}`)).body.status).toBe('referred');
  });

  it("a decision dated before the young person's birth, with a note too long, is explained in the card's words and nothing is recorded", async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral());
    const card = await chatAs(t, 'yjs-amy').press('agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2011-05-01',
      youngPersonMethod: 'in_person',
      competenceNote: 'x'.repeat(1200),
    });
    const text = textOf(card);
    expect(text).toContain("Date of their decision: is before the young person's date of birth: check the date.");
    expect(text).toContain('Your view of their competence to agree: must be at most 1,000 characters; this has 1,200.');
    // What the card says (its text, not its inputs' ids, which hold what was typed) names no API field.
    const said = JSON.stringify((card.body as { type: string; text?: string }[]).filter((b) => b.type === 'TextBlock').map((b) => b.text));
    expect(said).toContain('That did not work');
    expect(said).not.toMatch(/competenceNote|\bdate:|cannot act on/);
    expect((await amyApi.get(`/api/v1/cases/${referred.body.id}/agreements`)).body.history).toEqual([]);
  });
});
