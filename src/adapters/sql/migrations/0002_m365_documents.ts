import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.js';

/** Case documents waiting for, or past, delivery to the service's library (bytes kept until delivered). */
export const m365Documents = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_documents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('case_reference', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('document_type', 'text', (c) => c.notNull())
      .addColumn('document_version', 'text', (c) => c.notNull())
      .addColumn('review_date', 'text')
      .addColumn('retain_until', 'text')
      .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob')
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('library_item_id', 'text')
      .addColumn('library_version', 'text')
      .addColumn('web_url', 'text')
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema.createIndex('case_documents_by_file').on('case_documents').columns(['case_id', 'file_name', 'created_at']).execute();
  },
});
