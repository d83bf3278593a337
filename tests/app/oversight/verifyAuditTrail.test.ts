import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteReadOnly, openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { verifyAuditTrail } from '../../../src/app/oversight/verifyAuditTrail.js';
import { activeCase, entry } from '../../support/factories.js';
import { startTestServer } from '../../support/testSystem.js';

/** Tampering with the audit table directly, as someone with database access could, is detected. */
describe('verifying the audit chain', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecm-audit-'));
    const t = await startTestServer({ overrides: { store: await openSqliteStore({ dataDir: dir }) } });
    const amy = await t.signIn('yjs-amy');
    const id = await activeCase(amy);
    for (let i = 0; i < 5; i++) await amy.post(`/api/v1/cases/${id}/timeline`, entry({ description: `Entry ${i}.` }));
    await t.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const verify = async () => {
    const store = openSqliteReadOnly(dir);
    try {
      return await verifyAuditTrail(store);
    } finally {
      await store.close();
    }
  };
  const tamper = (statement: string) => {
    const db = new Database(join(dir, 'ecm.db'));
    db.exec(statement);
    db.close();
  };

  it('an untouched trail verifies', async () => {
    const reports = await verify();
    expect(reports.find((r) => r.chain === 'BRI')).toMatchObject({ ok: true, problems: [] });
  });

  it('an altered row is found', async () => {
    tamper(`UPDATE audit_events SET actor_id = 'someone-else' WHERE chain = 'BRI' AND seq = 3`);
    expect((await verify()).find((r) => r.chain === 'BRI')).toMatchObject({
      ok: false,
      problems: [{ seq: 3, reason: 'the row was altered after it was written' }],
    });
  });

  it('a removed row in the middle is found', async () => {
    tamper(`DELETE FROM audit_events WHERE chain = 'BRI' AND seq = 4`);
    expect((await verify()).find((r) => r.chain === 'BRI')).toMatchObject({ ok: false, problems: [{ seq: 4, reason: 'row 4 is missing' }] });
  });

  it('rows cut from the end are found', async () => {
    tamper(`DELETE FROM audit_events WHERE chain = 'BRI' AND seq > 5`);
    const report = (await verify()).find((r) => r.chain === 'BRI')!;
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ seq: 6, reason: expect.stringMatching(/were removed/) }]);
  });

  it('a row given another hash no longer matches its content', async () => {
    tamper(`UPDATE audit_events SET hash = '${'f'.repeat(64)}' WHERE chain = 'BRI' AND seq = 2`);
    expect((await verify()).find((r) => r.chain === 'BRI')).toMatchObject({
      ok: false,
      problems: [{ seq: 2, reason: 'the row was altered after it was written' }],
    });
  });

  it('every break is found, not only the first: an altered row, a removed one and a cut end, each once', async () => {
    tamper(`UPDATE audit_events SET actor_id = 'someone-else' WHERE chain = 'BRI' AND seq = 2;
            DELETE FROM audit_events WHERE chain = 'BRI' AND seq IN (4, 5);
            UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE chain = 'BRI' AND seq = 6;
            DELETE FROM audit_events WHERE chain = 'BRI' AND seq > 7`);
    expect((await verify()).find((r) => r.chain === 'BRI')!.problems).toEqual([
      { seq: 2, reason: 'the row was altered after it was written' },
      { seq: 4, reason: 'rows 4 to 5 are missing' },
      { seq: 6, reason: 'the row was altered after it was written' },
      { seq: 8, reason: expect.stringMatching(/^rows after 7 were removed/) },
    ]);
  });
});
