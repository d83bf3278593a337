import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlDialect } from '../schema.js';

/**
 * Searching the timeline by its words, in the database.
 *
 * SQLite: an FTS5 table `timeline_search` holding each entry's description beside its id and case
 * (the id and case are stored, not indexed), kept in step by triggers: an entry added is indexed, an
 * edit re-indexes its new wording (an edit rewrites the entry's row; the earlier wording lives on
 * in timeline_revisions and is not searched), a purge removes it. A retraction sets
 * `retraction_json` and leaves the words indexed: the search query leaves retracted entries out, as
 * the timeline does. The index is keyed by the entry's id, not SQLite's rowid, which VACUUM may
 * renumber on a table without an integer primary key. Words are stemmed (porter) and accents
 * folded, so "bullied" finds "bullying" and "cafe" finds "café".
 *
 * PostgreSQL: a GIN index on the expression `to_tsvector('english', description)`, which the search
 * query repeats so the planner uses it. Nothing is stored twice and no trigger is needed; creating
 * the index indexes the entries already there. The 'english' configuration stems as SQLite's porter
 * tokenizer does, so both stores find the same entries for the same words (see docs/postgres.md).
 *
 * Existing entries are indexed by this migration on both.
 */
export const timelineSearch = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect === 'postgres') {
      await sql`create index timeline_entries_words on timeline_entries using gin (to_tsvector('english', description))`.execute(db);
      return;
    }
    await sql`
      create virtual table timeline_search using fts5(
        description,
        entry_id unindexed,
        case_id unindexed,
        tokenize = 'porter unicode61 remove_diacritics 2'
      )`.execute(db);
    await sql`
      create trigger timeline_search_added after insert on timeline_entries begin
        insert into timeline_search (description, entry_id, case_id) values (new.description, new.id, new.case_id);
      end`.execute(db);
    await sql`
      create trigger timeline_search_edited after update of description, case_id on timeline_entries begin
        delete from timeline_search where entry_id = old.id;
        insert into timeline_search (description, entry_id, case_id) values (new.description, new.id, new.case_id);
      end`.execute(db);
    await sql`
      create trigger timeline_search_removed after delete on timeline_entries begin
        delete from timeline_search where entry_id = old.id;
      end`.execute(db);
    await sql`insert into timeline_search (description, entry_id, case_id) select description, id, case_id from timeline_entries`.execute(db);
  },
});
