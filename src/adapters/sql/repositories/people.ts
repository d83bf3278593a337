import type { Kysely } from 'kysely';
import type { Service } from '../../../domain/service.js';
import type { Agency, Role, Staff } from '../../../domain/staff.js';
import type { ServiceRepository, SessionRepository, StaffRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { compiledOnce } from '../compiledOnce.js';
import { json } from './page.js';

export function serviceRepository(db: Kysely<Database>): ServiceRepository {
  const toService = (r: Database['services']): Service => ({ id: r.id, name: r.name, settings: json(r.settings) });
  return {
    async list() {
      return (await db.selectFrom('services').selectAll().orderBy('name').execute()).map(toService);
    },
    async get(id) {
      const r = await db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toService(r) : null;
    },
    async upsert(s) {
      const row = { id: s.id, name: s.name, settings: JSON.stringify(s.settings) };
      await db
        .insertInto('services')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, settings: row.settings }))
        .execute();
    },
    async updateSettings(id, settings) {
      await db
        .updateTable('services')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', id)
        .execute();
    },
  };
}

// Every request's sign-in reads these two (unless it is kept, SESSION_CACHE_SECONDS): compiled once (../compiledOnce.ts).
const sessionByHash = compiledOnce((db, p: { tokenHash: string }) => db.selectFrom('sessions').selectAll().where('token_hash', '=', p.tokenHash));
const staffById = compiledOnce((db, p: { id: string }) => db.selectFrom('staff').selectAll().where('id', '=', p.id));

export function staffRepository(db: Kysely<Database>): StaffRepository {
  const toStaff = (r: Database['staff']): Staff => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role as Role,
    serviceIds: json(r.service_ids),
    agency: r.agency as Agency,
    aadObjectId: r.aad_object_id,
  });
  return {
    async get(id) {
      const [r] = (await staffById(db, { id })).rows;
      return r ? toStaff(r) : null;
    },
    async getByAadObjectId(oid) {
      const r = await db.selectFrom('staff').selectAll().where('aad_object_id', '=', oid).executeTakeFirst();
      return r ? toStaff(r) : null;
    },
    async list() {
      return (await db.selectFrom('staff').selectAll().orderBy('name').execute()).map(toStaff);
    },
    async upsert(s) {
      const row = {
        id: s.id,
        name: s.name,
        email: s.email,
        role: s.role,
        service_ids: JSON.stringify(s.serviceIds),
        agency: s.agency,
        aad_object_id: s.aadObjectId,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('staff')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
  };
}

export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(s) {
      await db.insertInto('sessions').values({ token_hash: s.tokenHash, staff_id: s.staffId, created_at: s.createdAt, expires_at: s.expiresAt }).execute();
    },
    async get(tokenHash) {
      const [r] = (await sessionByHash(db, { tokenHash })).rows;
      return r ? { tokenHash: r.token_hash, staffId: r.staff_id, createdAt: r.created_at, expiresAt: r.expires_at } : null;
    },
    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async end(e) {
      await db.deleteFrom('sessions').where('token_hash', '=', e.sessionId).execute();
      await db.deleteFrom('ended_sessions').where('expires_at', '<=', e.endedAt).execute();
      await db
        .insertInto('ended_sessions')
        .values({ session_id: e.sessionId, staff_id: e.staffId, ended_at: e.endedAt, expires_at: e.expiresAt })
        .onConflict((c) => c.column('session_id').doNothing())
        .execute();
    },
    async hasEnded(sessionId) {
      return (await db.selectFrom('ended_sessions').select('session_id').where('session_id', '=', sessionId).executeTakeFirst()) !== undefined;
    },
  };
}
