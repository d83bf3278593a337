import type { Kysely } from 'kysely';
import type { EntryForReview, RecordExportState, RecordRequester } from '../../../domain/recordExport.js';
import type { RecordExport, RecordExportRepository } from '../../../ports/recordExports.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

type Row = Omit<Database['record_exports'], 'content'>;

/** Every column but the zip: lists and progress never read the bytes. */
const COLUMNS = [
  'id',
  'case_id',
  'service_id',
  'reference',
  'requested_for',
  'note',
  'requested_by',
  'requested_at',
  'expires_at',
  'state',
  'progress_done',
  'progress_total',
  'step',
  'review_json',
  'withheld_json',
  'size',
  'sha256',
  'ready_at',
  'error',
] as const;

const toExport = (r: Row): RecordExport => ({
  id: r.id,
  caseId: r.case_id,
  serviceId: r.service_id,
  reference: r.reference,
  requestedFor: r.requested_for as RecordRequester,
  note: r.note,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  expiresAt: r.expires_at,
  state: r.state as RecordExportState,
  progressDone: Number(r.progress_done),
  progressTotal: Number(r.progress_total),
  step: r.step,
  review: json<EntryForReview[]>(r.review_json),
  withheld: json<string[]>(r.withheld_json),
  size: r.size === null ? null : Number(r.size),
  sha256: r.sha256,
  readyAt: r.ready_at,
  error: r.error,
});

export function recordExportRepository(db: Kysely<Database>): RecordExportRepository {
  return {
    async insert(e) {
      await db
        .insertInto('record_exports')
        .values({
          id: e.id,
          case_id: e.caseId,
          service_id: e.serviceId,
          reference: e.reference,
          requested_for: e.requestedFor,
          note: e.note,
          requested_by: e.requestedBy,
          requested_at: e.requestedAt,
          expires_at: e.expiresAt,
          state: e.state,
          progress_done: e.progressDone,
          progress_total: e.progressTotal,
          step: e.step,
          review_json: JSON.stringify(e.review),
          withheld_json: JSON.stringify(e.withheld),
          size: e.size,
          sha256: e.sha256,
          ready_at: e.readyAt,
          error: e.error,
          content: null,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('record_exports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return r ? toExport(r) : null;
    },
    async listForCase(caseId) {
      const rows = await db.selectFrom('record_exports').select(COLUMNS).where('case_id', '=', caseId).orderBy('requested_at', 'desc').orderBy('id').execute();
      return rows.map(toExport);
    },
    async progress(id, p) {
      await db
        .updateTable('record_exports')
        .set({ state: p.state, progress_done: p.done, progress_total: p.total, step: p.step })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'building'])
        .execute();
    },
    async complete(id, zip, done) {
      await db
        .updateTable('record_exports')
        .set({
          state: 'ready',
          content: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength),
          size: done.size,
          sha256: done.sha256,
          review_json: JSON.stringify(done.review),
          withheld_json: JSON.stringify(done.withheld),
          ready_at: done.readyAt,
          progress_done: (eb) => eb.ref('progress_total'),
          step: null,
          error: null,
        })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'building'])
        .execute();
    },
    async fail(id, error) {
      await db
        .updateTable('record_exports')
        .set({ state: 'failed', error, step: null })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'building'])
        .execute();
    },
    async content(id) {
      const r = await db.selectFrom('record_exports').select('content').where('id', '=', id).where('state', '=', 'ready').executeTakeFirst();
      return r?.content ? new Uint8Array(r.content) : null;
    },
    async expire(now) {
      const due = await db.selectFrom('record_exports').select('id').where('expires_at', '<=', now).where('state', '!=', 'expired').execute();
      if (due.length === 0) return [];
      const ids = due.map((r) => r.id);
      await db.updateTable('record_exports').set({ state: 'expired', content: null, step: null }).where('id', 'in', ids).execute();
      return ids;
    },
  };
}
