import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Watches the embedded database from a connection of its own, as an auditor would: after each
 * request, whether anything was committed, which tables changed, and which audit events were added.
 * Cheap when nothing changed (SQLite's data_version says so); a full read of every table otherwise.
 */
export interface Changes {
  /** Tables whose rows differ, the audit trail aside. */
  tables: string[];
  /** The actions of the audit events added. */
  audited: string[];
}

const AUDIT = new Set(['audit_events', 'audit_heads']);

export function watchDatabase(dataDir: string) {
  const db = new Database(join(dataDir, 'ecm.db'), { readonly: true, fileMustExist: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter(
    (t) => !AUDIT.has(t),
  );
  const version = () => db.pragma('data_version', { simple: true }) as number;
  const read = () => ({
    rows: new Map(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[])
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n'),
      ]),
    ),
    audit: new Map(
      (db.prepare('SELECT chain, seq, action FROM audit_events').all() as { chain: string; seq: number; action: string }[]).map((r) => [
        `${r.chain}:${r.seq}`,
        r.action,
      ]),
    ),
  });
  let seen = version();
  let state = read();
  return {
    /** What was committed since the last call, or null when nothing was. */
    changes(): Changes | null {
      const now = version();
      if (now === seen) return null;
      seen = now;
      const next = read();
      const changes = {
        tables: tables.filter((t) => next.rows.get(t) !== state.rows.get(t)),
        audited: [...next.audit].filter(([key]) => !state.audit.has(key)).map(([, action]) => action),
      };
      state = next;
      return changes;
    },
    close: () => db.close(),
  };
}
