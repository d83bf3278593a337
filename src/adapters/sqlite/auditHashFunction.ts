import { createHash } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';

/**
 * SHA-256 in hex, as a function of the SQL of this connection: the audit chain's next link is
 * computed in the statement that advances the chain's head (adapters/sql/repositories/audit.ts).
 */
export function withAuditHashFunction(sqlite: SqliteDatabase.Database): void {
  sqlite.function('ecm_sha256', { deterministic: true }, (text: unknown) => createHash('sha256').update(String(text)).digest('hex'));
}
