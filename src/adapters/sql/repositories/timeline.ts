import type { Kysely } from 'kysely';
import type { LifeStage } from '../../../domain/lifeStage.js';
import type { Agency } from '../../../domain/staff.js';
import type { Confidence, EntryWhen, Restriction, Retraction, TimelineEntry, TimelineEntryInput } from '../../../domain/timeline.js';
import type { TimelineRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { decodeCursor, json, toPage } from './page.js';

type Row = Database['timeline_entries'];

const toEntry = (r: Row): TimelineEntry => ({
  id: r.id,
  caseId: r.case_id,
  when: json<EntryWhen>(r.when_json),
  span: { start: r.span_start, end: r.span_end },
  lifeStage: r.life_stage as LifeStage,
  category: r.category,
  sourceAgency: r.source_agency as Agency,
  confidence: r.confidence as Confidence,
  description: r.description,
  contributorId: r.contributor_id,
  contributorName: r.contributor_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  retraction: r.retraction_json ? json<Retraction>(r.retraction_json) : null,
  restriction:
    r.restricted_at !== null
      ? { at: r.restricted_at, by: r.restricted_by ?? '', byName: r.restricted_by_name ?? '', reason: r.restriction_reason ?? '' }
      : null,
});

const toRow = (e: TimelineEntry): Row => ({
  id: e.id,
  case_id: e.caseId,
  when_json: JSON.stringify(e.when),
  span_start: e.span.start,
  span_end: e.span.end,
  life_stage: e.lifeStage,
  category: e.category,
  source_agency: e.sourceAgency,
  confidence: e.confidence,
  description: e.description,
  contributor_id: e.contributorId,
  contributor_name: e.contributorName,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
  version: e.version,
  retraction_json: e.retraction ? JSON.stringify(e.retraction) : null,
  restricted_at: e.restriction?.at ?? null,
  restricted_by: e.restriction?.by ?? null,
  restricted_by_name: e.restriction?.byName ?? null,
  restriction_reason: e.restriction?.reason ?? null,
});

export function timelineRepository(db: Kysely<Database>): TimelineRepository {
  return {
    async insert(e) {
      await db.insertInto('timeline_entries').values(toRow(e)).execute();
    },
    async get(caseId, entryId) {
      const r = await db.selectFrom('timeline_entries').selectAll().where('case_id', '=', caseId).where('id', '=', entryId).executeTakeFirst();
      return r ? toEntry(r) : null;
    },
    async update(e, expectedVersion) {
      const { id, case_id, ...changes } = toRow(e);
      const r = await db
        .updateTable('timeline_entries')
        .set(changes)
        .where('id', '=', id)
        .where('case_id', '=', case_id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async list(caseId, query, page) {
      const after = decodeCursor(page.after, 4) as [string, string, string, string] | null;
      let q = db.selectFrom('timeline_entries').selectAll().where('case_id', '=', caseId);
      if (!query.includeRetracted) q = q.where('retraction_json', 'is', null);
      if (query.categories?.length) q = q.where('category', 'in', query.categories);
      if (query.agencies?.length) q = q.where('source_agency', 'in', query.agencies);
      if (query.confidence?.length) q = q.where('confidence', 'in', query.confidence);
      if (query.contributorIds?.length) q = q.where('contributor_id', 'in', query.contributorIds);
      if (after) {
        const [s, e, c, id] = after;
        q = q.where((eb) =>
          eb.or([
            eb('span_start', '>', s),
            eb.and([eb('span_start', '=', s), eb('span_end', '>', e)]),
            eb.and([eb('span_start', '=', s), eb('span_end', '=', e), eb('created_at', '>', c)]),
            eb.and([eb('span_start', '=', s), eb('span_end', '=', e), eb('created_at', '=', c), eb('id', '>', id)]),
          ]),
        );
      }
      const rows = await q
        .orderBy('span_start')
        .orderBy('span_end')
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(rows, page.limit, toEntry, (r) => [r.span_start, r.span_end, r.created_at, r.id]);
    },
    async liveIds(caseId) {
      const rows = await db.selectFrom('timeline_entries').select('id').where('case_id', '=', caseId).where('retraction_json', 'is', null).execute();
      return new Set(rows.map((r) => r.id));
    },
    async coverage(caseId) {
      const rows = await db
        .selectFrom('timeline_entries')
        .select(['life_stage', 'source_agency', (eb) => eb.fn.countAll<number | string>().as('entries')])
        .where('case_id', '=', caseId)
        .where('retraction_json', 'is', null)
        .groupBy(['life_stage', 'source_agency'])
        .execute();
      // PostgreSQL counts in bigint, which pg hands over as a string.
      return rows.map((r) => ({ lifeStage: r.life_stage as LifeStage, agency: r.source_agency as Agency, entries: Number(r.entries) }));
    },
    async addRevision(rev) {
      await db
        .insertInto('timeline_revisions')
        .values({
          entry_id: rev.entryId,
          case_id: rev.caseId,
          version: rev.version,
          content_json: JSON.stringify(rev.content),
          retraction_json: rev.retraction ? JSON.stringify(rev.retraction) : null,
          restriction_json: rev.restriction ? JSON.stringify(rev.restriction) : null,
          changed_by: rev.changedBy,
          changed_by_name: rev.changedByName,
          changed_at: rev.changedAt,
        })
        .execute();
    },
    async revisions(entryId) {
      const rows = await db.selectFrom('timeline_revisions').selectAll().where('entry_id', '=', entryId).orderBy('version').execute();
      return rows.map((r) => ({
        entryId: r.entry_id,
        caseId: r.case_id,
        version: r.version,
        content: json<TimelineEntryInput>(r.content_json),
        retraction: r.retraction_json ? json<Retraction>(r.retraction_json) : null,
        restriction: r.restriction_json ? json<Restriction>(r.restriction_json) : null,
        changedBy: r.changed_by,
        changedByName: r.changed_by_name,
        changedAt: r.changed_at,
      }));
    },
  };
}
