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
});
