import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteReadOnly, openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { verifyAuditTrail } from '../../src/app/oversight/verifyAuditTrail.js';
import { auditHash } from '../../src/lib/auditHash.js';
import { activeCase, entry } from '../support/factories.js';
import { startTestServer } from '../support/testSystem.js';
import { runAuditVerify } from './support/auditCli.js';

/**
 * Someone with access to the database file tampers with the audit trail: alters a row, deletes
 * one, puts two in another order, or cuts the trail short. The verifier finds it wherever it is
 * done — every row of the chain is tried in the process — and `npm run audit:verify`, run as an
 * operator would, exits non-zero and names the row.
 */
type Tampering = {
  kind: string;
  sql: (seq: number, last: number) => string;
  detectedAt: (seq: number, last: number) => number;
  applies?: (seq: number, last: number) => boolean;
};

const CHAIN = 'BRI';
const row = (seq: number) => `chain = '${CHAIN}' AND seq = ${seq}`;

const TAMPERINGS: Tampering[] = [
  { kind: 'alter who did it', sql: (s) => `UPDATE audit_events SET actor_id = 'someone-else' WHERE ${row(s)}`, detectedAt: (s) => s },
  { kind: 'alter what was done', sql: (s) => `UPDATE audit_events SET action = 'case.read' || action WHERE ${row(s)}`, detectedAt: (s) => s },
  {
    kind: 'alter the detail',
    sql: (s) => `UPDATE audit_events SET detail_json = json_set(detail_json, '$.tampered', 1) WHERE ${row(s)}`,
    detectedAt: (s) => s,
  },
  { kind: 'alter the time', sql: (s) => `UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE ${row(s)}`, detectedAt: (s) => s },
  { kind: 'alter the hash', sql: (s) => `UPDATE audit_events SET hash = '${'f'.repeat(64)}' WHERE ${row(s)}`, detectedAt: (s) => s },
  {
    kind: 'delete a row',
    sql: (s) => `DELETE FROM audit_events WHERE ${row(s)}`,
    // A row gone from the middle leaves a gap; the last row gone leaves the chain short of its head.
    detectedAt: (s) => s,
  },
  {
    kind: 'reorder two rows',
    sql: (s) =>
      `UPDATE audit_events SET seq = -1 WHERE ${row(s)}; UPDATE audit_events SET seq = ${s} WHERE ${row(s + 1)}; UPDATE audit_events SET seq = ${s + 1} WHERE ${row(-1)}`,
    detectedAt: (s) => s,
    applies: (s, last) => s < last,
  },
  { kind: 'truncate from a row on', sql: (s) => `DELETE FROM audit_events WHERE chain = '${CHAIN}' AND seq >= ${s}`, detectedAt: (s) => s },
];

describe('tampering with the audit trail', () => {
  let pristine: string;
  let rows: number;
  const work: string[] = [];

  beforeAll(async () => {
    pristine = mkdtempSync(join(tmpdir(), 'ecm-audit-pristine-'));
    const t = await startTestServer({ overrides: { store: await openSqliteStore({ dataDir: pristine }) } });
    const amy = await t.signIn('yjs-amy');
    const sam = await t.signIn('ecm-sam');
    const id = await activeCase(amy);
    for (let i = 0; i < 8; i++) await amy.post(`/api/v1/cases/${id}/timeline`, entry({ description: `Entry ${i}.` }));
    await sam.get(`/api/v1/cases/${id}/timeline`);
    await (await t.signIn('yjs-dan')).get(`/api/v1/cases/${id}`); // a refused attempt is audited too
    await t.close();
    const reports = await verify(pristine);
    rows = reports.find((r) => r.chain === CHAIN)!.rows;
    expect(reports.every((r) => r.ok)).toBe(true);
  });
  afterAll(() => [pristine, ...work].forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of the untouched database with the tampering done to it. */
  const tampered = (statement: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ecm-audit-tampered-'));
    work.push(dir);
    cpSync(pristine, dir, { recursive: true });
    const db = new Database(join(dir, 'ecm.db'));
    db.exec(statement);
    db.close();
    return dir;
  };

  async function verify(dir: string) {
    const store = openSqliteReadOnly(dir);
    try {
      return await verifyAuditTrail(store);
    } finally {
      await store.close();
    }
  }

  it.each(TAMPERINGS.map((t) => [t.kind, t] as const))('%s: found at whichever row it is done', async (_kind, t) => {
    expect(rows).toBeGreaterThan(10);
    const missed: string[] = [];
    for (let seq = 1; seq <= rows; seq++) {
      if (t.applies && !t.applies(seq, rows)) continue;
      const report = (await verify(tampered(t.sql(seq, rows)))).find((r) => r.chain === CHAIN);
      if (report?.ok !== false || report.problems[0]?.seq !== t.detectedAt(seq, rows)) missed.push(`row ${seq}: ${JSON.stringify(report)}`);
    }
    expect(missed).toEqual([]);
  });

  it('the whole audit table emptied is found: the chain no longer reaches its head', async () => {
    const report = (await verify(tampered('DELETE FROM audit_events'))).find((r) => r.chain === CHAIN);
    expect(report).toMatchObject({ ok: false, problems: [{ seq: 1 }] });
  });

  it.each([
    ['an altered row', (s: number) => `UPDATE audit_events SET actor_id = 'someone-else' WHERE ${row(s)}`, 'the row was altered after it was written'],
    ['a deleted row', (s: number) => `DELETE FROM audit_events WHERE ${row(s)}`, `row \\d+ is missing`],
    [
      'two rows in another order',
      (s: number) =>
        `UPDATE audit_events SET seq = -1 WHERE ${row(s)}; UPDATE audit_events SET seq = ${s} WHERE ${row(s + 1)}; UPDATE audit_events SET seq = ${s + 1} WHERE ${row(-1)}`,
      'the link to the previous row does not match',
    ],
    ['a trail cut short', (s: number) => `DELETE FROM audit_events WHERE chain = '${CHAIN}' AND seq >= ${s}`, 'were removed'],
  ])('npm run audit:verify exits non-zero and names the row: %s', async (_what, statement, reason) => {
    const seq = Math.floor(rows / 2);
    const result = await runAuditVerify({ DATA_DIR: tampered(statement(seq)) });
    expect(result.output).toMatch(new RegExp(`BROKEN {2}${CHAIN}: at row ${seq}: .*${reason}`));
    expect(result.code).toBe(1);
  });

  it('a forged row added at the end, correctly linked, is found: the chain runs past its head', async () => {
    const dir = tampered('SELECT 1');
    const db = new Database(join(dir, 'ecm.db'));
    const last = db.prepare(`SELECT * FROM audit_events WHERE ${row(rows)}`).get() as Record<string, string>;
    const forged = {
      chain: CHAIN,
      seq: rows + 1,
      at: last.at!,
      actorId: 'ecm-sam',
      action: 'case.read',
      caseId: last.case_id ?? null,
      serviceId: CHAIN,
      detail: {},
      prevHash: last.hash!,
    };
    db.prepare(
      'INSERT INTO audit_events (chain, seq, at, actor_id, action, case_id, service_id, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(CHAIN, forged.seq, forged.at, forged.actorId, forged.action, forged.caseId, forged.serviceId, '{}', forged.prevHash, auditHash(forged));
    db.close();
    const result = await runAuditVerify({ DATA_DIR: dir });
    expect(result.output).toMatch(new RegExp(`BROKEN {2}${CHAIN}: at row ${rows + 1}: row ${rows + 1} was added after the chain's head`));
    expect(result.code).toBe(1);
  });

  it('npm run audit:verify names every break, one a line, not only the first in the chain', async () => {
    const dir = tampered(
      `UPDATE audit_events SET actor_id = 'someone-else' WHERE ${row(2)}; DELETE FROM audit_events WHERE ${row(5)}; UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE ${row(8)}`,
    );
    const result = await runAuditVerify({ DATA_DIR: dir });
    expect(result.output.split('\n').filter((l) => l.startsWith(`BROKEN  ${CHAIN}:`))).toEqual([
      `BROKEN  ${CHAIN}: at row 2: the row was altered after it was written`,
      `BROKEN  ${CHAIN}: at row 5: row 5 is missing`,
      `BROKEN  ${CHAIN}: at row 8: the row was altered after it was written`,
    ]);
    expect(result.code).toBe(1);
  });

  it('npm run audit:verify passes the untouched trail', async () => {
    const result = await runAuditVerify({ DATA_DIR: pristine });
    expect(result.output).toMatch(new RegExp(`ok {6}${CHAIN}: ${rows} rows, chain intact`));
    expect(result.code).toBe(0);
  });
});
