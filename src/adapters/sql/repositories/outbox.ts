import type { Kysely } from 'kysely';
import { isBlockCause } from '../../../domain/deliveryBlock.js';
import type { OutboxJob, OutboxRepository } from '../../../ports/outbox.js';
import type { Database, SqlDialect } from '../schema.js';
import { json } from './page.js';

type Row = Database['outbox_jobs'];

const toJob = (r: Row): OutboxJob => ({
  id: r.id,
  kind: r.kind,
  payload: json<unknown>(r.payload_json),
  dedupeKey: r.dedupe_key,
  recipient: r.recipient,
  caseId: r.case_id,
  serviceId: r.service_id,
  status: r.status as OutboxJob['status'],
  attempts: Number(r.attempts),
  claims: Number(r.claims ?? 0),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  blockedCause: isBlockCause(r.blocked_cause) ? r.blocked_cause : null,
  blockedSince: r.blocked_since,
  leasedUntil: r.locked_until,
});

/** What a job that is no longer blocked stops carrying. */
const UNBLOCKED = { blocked_cause: null, blocked_since: null } as const;

export function outboxRepository(db: Kysely<Database>, dialect: SqlDialect): OutboxRepository {
  return {
    async enqueue(job) {
      const inserted = await db
        .insertInto('outbox_jobs')
        .values({
          id: job.id,
          kind: job.kind,
          payload_json: JSON.stringify(job.payload),
          dedupe_key: job.dedupeKey ?? null,
          recipient: job.recipient ?? null,
          case_id: job.caseId ?? null,
          service_id: job.serviceId ?? null,
          status: 'pending',
          attempts: 0,
          claims: 0,
          next_attempt_at: job.nextAttemptAt ?? job.now,
          last_error: null,
          locked_by: null,
          locked_until: null,
          created_at: job.now,
          updated_at: job.now,
          ...UNBLOCKED,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async claim(workerId, now, leaseUntil, limit, kinds) {
      // PostgreSQL: SKIP LOCKED lets several instances claim side by side without taking one job twice.
      // SQLite: one writer at a time, so the subquery and update cannot interleave.
      const due = db
        .selectFrom('outbox_jobs')
        .select('id')
        .where('status', 'in', ['pending', 'blocked'])
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .$if(Boolean(kinds?.length), (q) => q.where('kind', 'in', kinds ?? []))
        .orderBy('next_attempt_at')
        .limit(limit)
        .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
      const rows = await db
        .updateTable('outbox_jobs')
        .set((eb) => ({ locked_by: workerId, locked_until: leaseUntil, updated_at: now, claims: eb('claims', '+', 1) }))
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toJob).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    },
    async complete(id, workerId, now) {
      await db
        .updateTable('outbox_jobs')
        .set((eb) => ({
          status: 'done',
          attempts: eb('attempts', '+', 1),
          locked_by: null,
          locked_until: null,
          last_error: null,
          updated_at: now,
          ...UNBLOCKED,
        }))
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
    },
    async renew(ids, workerId, leaseUntil) {
      if (!ids.length) return [];
      const rows = await db
        .updateTable('outbox_jobs')
        .set({ locked_until: leaseUntil })
        .where('id', 'in', ids)
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async releaseAll(workerId, now) {
      const r = await db
        .updateTable('outbox_jobs')
        .set({ locked_by: null, locked_until: null, updated_at: now })
        .where('locked_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async fail(id, workerId, error, retryAt, now) {
      await db
        .updateTable('outbox_jobs')
        .set((eb) => ({
          status: retryAt ? 'pending' : 'dead',
          attempts: eb('attempts', '+', 1),
          next_attempt_at: retryAt ?? now,
          last_error: error.slice(0, 1000),
          locked_by: null,
          locked_until: null,
          updated_at: now,
          ...UNBLOCKED,
        }))
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
    },
    async block(id, workerId, cause, error, retryAt, now) {
      await db
        .updateTable('outbox_jobs')
        .set((eb) => ({
          status: 'blocked',
          blocked_cause: cause,
          blocked_since: eb.fn.coalesce('blocked_since', eb.val(now)),
          next_attempt_at: retryAt,
          last_error: error.slice(0, 1000),
          locked_by: null,
          locked_until: null,
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
    },
    async retryNow(filter, now) {
      if (filter.statuses.length === 0) return [];
      // A given-up job gets a new life (its attempts start again); a blocked one keeps when it was first refused.
      const rows = await db
        .updateTable('outbox_jobs')
        .set((eb) => ({
          status: eb.case().when('status', '=', 'dead').then('pending').else(eb.ref('status')).end(),
          attempts: eb.case().when('status', '=', 'dead').then(0).else(eb.ref('attempts')).end(),
          next_attempt_at: now,
          updated_at: now,
        }))
        .where('status', 'in', filter.statuses)
        .$if(filter.serviceId !== undefined, (q) => q.where('service_id', '=', filter.serviceId!))
        .$if(filter.id !== undefined, (q) => q.where('id', '=', filter.id!))
        .$if(filter.exceptKind !== undefined, (q) => q.where('kind', '!=', filter.exceptKind!))
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async postpone(id, workerId, reason, retryAt, now) {
      await db
        .updateTable('outbox_jobs')
        .set({ next_attempt_at: retryAt, last_error: reason.slice(0, 1000), locked_by: null, locked_until: null, updated_at: now })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
    },
    async deliveredSince(recipient, kind, since) {
      const rows = await db
        .selectFrom('outbox_jobs')
        .select('updated_at')
        .where('recipient', '=', recipient)
        .where('kind', '=', kind)
        .where('status', '=', 'done')
        .where('updated_at', '>', since)
        .orderBy('updated_at')
        .execute();
      return rows.map((r) => r.updated_at);
    },
    async revive(recipient, kind, since, now) {
      const rows = await db
        .updateTable('outbox_jobs')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, locked_by: null, locked_until: null, updated_at: now, ...UNBLOCKED })
        .where('recipient', '=', recipient)
        .where('kind', '=', kind)
        .where('status', '=', 'dead')
        .where('created_at', '>=', since)
        .returning('id')
        .execute();
      return rows.length;
    },
    async list(filter, limit) {
      let q = db.selectFrom('outbox_jobs').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      if (filter.serviceId) q = q.where('service_id', '=', filter.serviceId);
      if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
      if (filter.recipient) q = q.where('recipient', '=', filter.recipient);
      return (await q.orderBy('created_at', 'desc').limit(limit).execute()).map(toJob);
    },
    async skipPending(kind, before, reason) {
      const r = await db
        .updateTable('outbox_jobs')
        .set({ status: 'skipped', last_error: reason, updated_at: before })
        .where('kind', '=', kind)
        .where('status', '=', 'pending')
        .where('created_at', '<', before)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async countRecent(recipient, kindPrefix, since) {
      const r = await db
        .selectFrom('outbox_jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('recipient', '=', recipient)
        .where('kind', 'like', `${kindPrefix}%`)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
