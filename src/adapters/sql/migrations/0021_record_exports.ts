import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.js';

/**
 * The child's copy of their record (docs/record-export.md): one row per export, its progress, who
 * started it and until when it may be fetched, and the zip itself in `content` (blob / bytea),
 * dropped when the export expires. The audit trail gains an index by case, from which the export
 * lists who read the record when.
 */
export const recordExports = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('record_exports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('requested_for', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('progress_done', 'integer', (c) => c.notNull())
      .addColumn('progress_total', 'integer', (c) => c.notNull())
      .addColumn('step', 'text')
      .addColumn('review_json', 'text', (c) => c.notNull())
      .addColumn('withheld_json', 'text', (c) => c.notNull())
      .addColumn('size', 'integer')
      .addColumn('sha256', 'text')
      .addColumn('ready_at', 'text')
      .addColumn('error', 'text')
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob')
      .execute();
    await db.schema.createIndex('record_exports_by_case').on('record_exports').columns(['case_id', 'requested_at']).execute();
    await db.schema.createIndex('audit_events_by_case').on('audit_events').columns(['case_id', 'at']).execute();
  },
});
