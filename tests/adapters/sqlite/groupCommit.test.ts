import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitStats, groupCommitting, rawConnection } from '../../../src/adapters/sqlite/groupCommit.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { preparingOnce } from '../../../src/adapters/sqlite/preparedStatements.js';
import { service } from '../../ports/contract/records.js';

interface Db {
  note: { id: string; parent: string | null };
}

/** A promise and the hand that settles it. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((ok) => (open = ok));
  return { open, opened };
}

describe('group commit on the embedded database', () => {
  let dir: string;
  let raw: SqliteDatabase.Database;
  let db: Kysely<Db>;
  /** Another connection to the same file: it sees only what has committed. */
  let onlooker: SqliteDatabase.Database;
  const committed = () => (onlooker.prepare('select id from note order by id').all() as { id: string }[]).map((r) => r.id);
  const add = (trx: Kysely<Db>, id: string, parent: string | null = null) => trx.insertInto('note').values({ id, parent }).execute();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecm-group-commit-'));
    raw = new SqliteDatabase(join(dir, 'notes.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.exec('create table note (id text primary key, parent text references note(id))');
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: raw }) });
    onlooker = new SqliteDatabase(join(dir, 'notes.db'), { readonly: true });
  });
  afterEach(async () => {
    onlooker.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a request whose work fails takes back only its own changes; the others that shared its transaction commit', async () => {
    const { transact } = groupCommitting(db, rawConnection(raw), { windowMs: 0, maxBatch: 64 });
    const before = groupCommitStats();
    const results = await Promise.allSettled([
      transact((trx) => add(trx, 'first')),
      transact(async (trx) => {
        await add(trx, 'second');
        await add(trx, 'first'); // the same id again: this request fails
      }),
      transact((trx) => add(trx, 'third')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['first', 'third']);
    const after = groupCommitStats();
    expect(after.batches - before.batches).toBe(1); // all three shared one transaction
    expect(after.failedUnits - before.failedUnits).toBe(1);
  });

  it('answers no request before the transaction it shares has committed, and runs the requests one after another', async () => {
    const { transact } = groupCommitting(db, rawConnection(raw), { windowMs: 0, maxBatch: 64 });
    const secondStarted = gate();
    const secondMayFinish = gate();
    let firstAnswered = false;
    const first = transact((trx) => add(trx, 'a')).then(() => {
      firstAnswered = true;
      // Visible to another connection the moment it is answered: committed, not only done.
      expect(committed()).toContain('a');
    });
    const second = transact(async (trx) => {
      secondStarted.open();
      await secondMayFinish.opened;
      await add(trx, 'b');
    });
    await secondStarted.opened;
    // The first request's work is done (they run in turn), but its transaction is still open.
    expect(firstAnswered).toBe(false);
    expect(committed()).toEqual([]);
    secondMayFinish.open();
    await Promise.all([first, second]);
    expect(firstAnswered).toBe(true);
    expect(committed()).toEqual(['a', 'b']);
  });

  /** Two ways to tell that a unit changed something: SQLite's own count, or the store's (the writing statements its connection handed out). */
  const tellingChanges = [
    ["SQLite's total_changes()", () => ({ on: db, raw: rawConnection(raw) })],
    [
      'the writing statements handed out',
      () => {
        const database = preparingOnce(raw);
        return { on: new Kysely<Db>({ dialect: new SqliteDialect({ database }) }), raw: rawConnection(raw, undefined, () => database.writes) };
      },
    ],
  ] as const;

  it.each(tellingChanges)(
    'answers a read that changed nothing and came before any change of its batch at once; a read after a change waits for the commit (told by %s)',
    async (_, connect) => {
      const { on, raw: connection } = connect();
      const { transact } = groupCommitting(on, connection, { windowMs: 0, maxBatch: 64 });
      await transact((trx) => add(trx, 'earlier'));
      const writerMayFinish = gate();
      let readBeforeAnswered = false;
      let readAfterAnswered = false;
      const count = (trx: Kysely<Db>) => trx.selectFrom('note').select('id').execute();
      const readBefore = transact(count).then((rows) => {
        readBeforeAnswered = true;
        return rows.map((r) => r.id);
      });
      const writer = transact(async (trx) => {
        await add(trx, 'later');
        await writerMayFinish.opened;
      });
      const readAfter = transact(count).then((rows) => {
        readAfterAnswered = true;
        expect(committed()).toContain('later'); // answered only once the writer's row had committed
        return rows.map((r) => r.id);
      });
      // The first read is answered while the writer's work still holds the batch open…
      expect(await readBefore).toEqual(['earlier']);
      expect(committed()).toEqual(['earlier']);
      writerMayFinish.open();
      await writer;
      // …the second saw the writer's uncommitted row, so it was answered only with the commit.
      expect(await readAfter).toEqual(['earlier', 'later']);
      expect(readBeforeAnswered && readAfterAnswered).toBe(true);
      expect(committed()).toEqual(['earlier', 'later']);
    },
  );

  it('when the shared commit fails, no request of it is answered as done and none of their work is kept', async () => {
    const { transact } = groupCommitting(db, rawConnection(raw), { windowMs: 0, maxBatch: 64 });
    const results = await Promise.allSettled([
      transact((trx) => add(trx, 'kept?')),
      transact(async (trx) => {
        // A foreign key checked only at COMMIT: the whole transaction fails there.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await add(trx, 'orphan', 'no-such-note');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    // The next request commits on its own.
    await transact((trx) => add(trx, 'after'));
    expect(committed()).toEqual(['after']);
  });

  it('takes the requests that arrive while a batch commits into the next batch, and loses none', async () => {
    const { transact, settled } = groupCommitting(db, rawConnection(raw), { windowMs: 0, maxBatch: 8 });
    const before = groupCommitStats();
    const ids = Array.from({ length: 100 }, (_, i) => `n${String(i).padStart(3, '0')}`);
    await Promise.all(ids.map((id) => transact((trx) => add(trx, id))));
    await settled();
    expect(committed()).toEqual(ids);
    const after = groupCommitStats();
    const sizes = after.sizes.map((n, size) => (n ?? 0) - (before.sizes[size] ?? 0));
    expect(sizes.slice(9).every((n) => !n)).toBe(true); // never more than maxBatch in one transaction
    expect(after.batches - before.batches).toBeGreaterThanOrEqual(13); // 100 requests, 8 at most a batch
  });
});

describe('the embedded store under group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecm-group-commit-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every change made at once, after the store is closed and opened again', async () => {
    const store = await openSqliteStore({ dataDir: dir });
    const ids = Array.from({ length: 40 }, (_, i) => `SVC${i}`);
    await Promise.all(ids.map((id) => store.transaction((tx) => tx.services.upsert(service(id)))));
    await store.close();
    const again = await openSqliteStore({ dataDir: dir });
    const kept = await again.transaction((tx) => tx.services.list());
    await again.close();
    expect(kept.map((s) => s.id)).toEqual(expect.arrayContaining(ids));
  });

  it('loses no acknowledged change when the process is killed mid-stream (SIGKILL)', async () => {
    const child = fork(join(import.meta.dirname, 'writeUntilKilled.ts'), [dir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const acknowledged: string[] = [];
    await new Promise<void>((enough) =>
      child.on('message', (id: string) => {
        acknowledged.push(id);
        if (acknowledged.length === 300) enough();
      }),
    );
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    const store = await openSqliteStore({ dataDir: dir });
    const kept = new Set((await store.transaction((tx) => tx.services.list())).map((s) => s.id));
    await store.close();
    expect(acknowledged.filter((id) => !kept.has(id))).toEqual([]);
  });
});
