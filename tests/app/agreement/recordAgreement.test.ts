import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { recordAgreements } from '../../../src/app/agreement/recordAgreement.js';
import { referCase } from '../../../src/app/case/referCase.js';
import type { Principal } from '../../../src/domain/staff.js';
import { principal } from '../../support/caseSetup.js';
import { connectionDropStore } from '../../support/connectionDropStore.js';
import { agreementGiven, referral } from '../../support/factories.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

const youngPerson = (overrides: Record<string, unknown> = {}) => ({ input: agreementGiven('young_person', overrides), what: "The young person's agreement" });
const parentCarer = (overrides: Record<string, unknown> = {}) => ({
  input: agreementGiven('parent_carer', overrides),
  what: "The parent or carer's agreement",
});

/** Both decisions taken at one sitting are recorded together or not at all. */
describe('recording the agreements of one sitting', () => {
  let t: TestServer;
  let db: ReturnType<typeof connectionDropStore>;
  let amy: Principal;
  beforeAll(async () => {
    db = connectionDropStore(await openSqliteStore({ dataDir: ':memory:' }));
    t = await startTestServer({ overrides: { store: db.store } });
    amy = await principal(t.system.deps, 'yjs-amy');
  });
  afterAll(() => t.close());

  const stateOf = async (caseId: string) =>
    t.system.deps.store.transaction(async (tx) => ({ agreements: await tx.agreements.listForCase(caseId), case: await tx.cases.get(caseId) }));

  it('both agreements given at one sitting make the case active', async () => {
    const c = await referCase(t.system.deps, amy, referral());
    const record = await recordAgreements(t.system.deps, amy, c.id, [youngPerson(), parentCarer()]);
    expect(record).toMatchObject({ status: 'active', agreement: { young_person: 'given', parent_carer: 'given' }, caseVersion: c.version + 2 });
    expect((await stateOf(c.id)).agreements.map((a) => a.party)).toEqual(['young_person', 'parent_carer']);
  });

  it("a parent or carer's decision that is not valid leaves the young person's unrecorded too", async () => {
    const c = await referCase(t.system.deps, amy, referral());
    await expect(recordAgreements(t.system.deps, amy, c.id, [youngPerson(), parentCarer({ method: 'carrier_pigeon' })])).rejects.toMatchObject({
      code: 'validation_failed',
      message: "The parent or carer's agreement is not valid.",
    });
    const after = await stateOf(c.id);
    expect(after.agreements).toEqual([]);
    expect(after.case).toMatchObject({ status: 'referred', version: c.version });
  });

  it('a second agreement the database refuses leaves the first unrecorded', async () => {
    const c = await referCase(t.system.deps, amy, referral());
    db.dropAfterAgreements(1);
    await expect(recordAgreements(t.system.deps, amy, c.id, [youngPerson(), parentCarer()])).rejects.toThrow('Connection terminated');
    const after = await stateOf(c.id);
    expect(after.agreements).toEqual([]);
    expect(after.case).toMatchObject({ status: 'referred', version: c.version });
  });

  it('two decisions for the same person at one sitting are refused, and neither is recorded', async () => {
    const c = await referCase(t.system.deps, amy, referral());
    await expect(recordAgreements(t.system.deps, amy, c.id, [youngPerson(), youngPerson({ decision: 'declined' })])).rejects.toMatchObject({
      code: 'rule_violation',
    });
    expect((await stateOf(c.id)).agreements).toEqual([]);
  });
});
