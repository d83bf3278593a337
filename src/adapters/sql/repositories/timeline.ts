import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { LifeStage } from '../../../domain/lifeStage.js';
import type { Agency } from '../../../domain/staff.js';
import type { RestrictedTextReach } from '../../../domain/restriction.js';
import type { Confidence, EntryWhen, Restriction, Retraction, TimelineEntry, TimelineEntryInput } from '../../../domain/timeline.js';
import type { TimelineRepository, TimelineSearch } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { rangesOfMarks } from './highlight.js';
import { decodeCursor, json, toPage } from './page.js';
import { compiledOnce } from '../compiledOnce.js';

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

/**
 * The one condition that keeps a restricted entry's words from anyone who may not read them
 * (src/domain/restriction.ts: restrictedTextReach, the SQL form of mayReadEntryText): every search
 * ANDs it in, on both databases, so such an entry never matches — not even to say that it would
 * have. The ECM team and the psychologist read every entry; anyone else an entry that is not
 * restricted, or one from their own agency, or one they added themselves.
 */
function wordsReadable(reach: RestrictedTextReach): RawBuilder<unknown> {
  if (reach.kind === 'all') return sql`1 = 1`;
  return sql`(e.restricted_at is null or e.source_agency = ${reach.agency} or e.contributor_id = ${reach.staffId})`;
}

/** The narrowing shared with the timeline list, on the entry table `e`. */
function narrowing(search: TimelineSearch): RawBuilder<unknown>[] {
  const any = (column: string, values: readonly string[] | undefined) =>
    values?.length ? [sql`${sql.ref(`e.${column}`)} in (${sql.join(values.map((v) => sql`${v}`))})`] : [];
  return [
    sql`e.retraction_json is null`,
    ...any('category', search.categories),
    ...any('source_agency', search.agencies),
    ...any('life_stage', search.lifeStages),
    wordsReadable(search.restrictedText),
  ];
}

/** SQLite FTS5: each word quoted (so it is never an operator) and matched as a prefix; all needed. */
const fts5Match = (words: string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ');
/** PostgreSQL: each word a prefix term of to_tsquery, all needed (words hold only letters and digits). */
const tsQuery = (words: string[]) => words.map((w) => `${w.replace(/[^\p{L}\p{N}]/gu, '')}:*`).join(' & ');

async function searchRows(db: Kysely<Database>, dialect: SqlDialect, caseId: string, search: TimelineSearch): Promise<(Row & { marked: string | null })[]> {
  const where = sql.join([sql`e.case_id = ${caseId}`, ...narrowing(search)], sql` and `);
  const lifeOrder = sql`order by e.span_start, e.span_end, e.created_at, e.id limit ${search.limit + 1}`;
  if (dialect === 'postgres') {
    // The expression repeats the index's (migration 0022), so the GIN index answers the match.
    const headline = sql`'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2)`;
    const { rows } = await sql<Row & { marked: string | null }>`
      select e.*, ts_headline('english', e.description, words.query, ${headline}) as marked
      from timeline_entries e, to_tsquery('english', ${tsQuery(search.words)}) as words(query)
      where to_tsvector('english', e.description) @@ words.query and ${where}
      ${lifeOrder}`.execute(db);
    return rows;
  }
  // CROSS JOIN keeps the full-text match as the outer loop (SQLite does not reorder it): the matches
  // are found once, then each entry by its primary key, rather than the match run once per entry.
  const { rows } = await sql<Row & { marked: string | null }>`
    select e.*, highlight(timeline_search, 0, char(1), char(2)) as marked
    from timeline_search cross join timeline_entries e on e.id = timeline_search.entry_id
    where timeline_search match ${fts5Match(search.words)} and timeline_search.case_id = ${caseId} and ${where}
    ${lifeOrder}`.execute(db);
  return rows;
}

type RevisionRow = Database['timeline_revisions'];

// Adding an entry writes these two on every request: compiled once (../compiledOnce.ts).
const insertEntry = compiledOnce((db, row: Row) => db.insertInto('timeline_entries').values(row));
const insertRevision = compiledOnce((db, row: RevisionRow) => db.insertInto('timeline_revisions').values(row));

export function timelineRepository(db: Kysely<Database>, dialect: SqlDialect): TimelineRepository {
  return {
    async insert(e) {
      await insertEntry(db, toRow(e));
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
      if (query.lifeStages?.length) q = q.where('life_stage', 'in', query.lifeStages);
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
    async search(caseId, search) {
      if (search.words.length === 0) return { items: [], more: false };
      const rows = await searchRows(db, dialect, caseId, search);
      const kept = rows.slice(0, search.limit);
      return {
        items: kept.map(({ marked, ...row }) => ({ entry: toEntry(row), highlights: rangesOfMarks(marked ?? '', row.description) })),
        more: rows.length > search.limit,
      };
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
      await insertRevision(db, {
        entry_id: rev.entryId,
        case_id: rev.caseId,
        version: rev.version,
        content_json: JSON.stringify(rev.content),
        retraction_json: rev.retraction ? JSON.stringify(rev.retraction) : null,
        restriction_json: rev.restriction ? JSON.stringify(rev.restriction) : null,
        changed_by: rev.changedBy,
        changed_by_name: rev.changedByName,
        changed_at: rev.changedAt,
      });
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
