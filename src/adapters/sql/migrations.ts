import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { SqlDialect } from './schema.js';
import { core } from './migrations/0001_core.js';
import { postgres } from './migrations/0002_postgres.js';
import { bot } from './migrations/0002_bot.js';
import { m365Documents } from './migrations/0002_m365_documents.js';
import { meetingChat } from './migrations/0003_meeting_chat.js';
import { idempotentRequests } from './migrations/0004_idempotent_requests.js';
import { recordAtApproval } from './migrations/0005_record_at_approval.js';
import { whoAgrees } from './migrations/0007_who_agrees.js';
import { planBetweenMeetings } from './migrations/0008_plan_between_meetings.js';
import { sessionsEndedAndWriteTallies } from './migrations/0009_sessions_ended_and_write_tallies.js';
import { meetingNotes } from './migrations/0010_meeting_notes.js';
import { consultations } from './migrations/0011_consultations.js';
import { caseTransfers } from './migrations/0012_case_transfers.js';
import { transitionPlans } from './migrations/0013_transition_plans.js';
import { caseSummaries } from './migrations/0014_case_summaries.js';
import { actionsAddedAtReview } from './migrations/0015_actions_added_at_review.js';
import { evaluationPseudonymKey } from './migrations/0016_evaluation_pseudonym_key.js';
import { blockedDeliveries } from './migrations/0017_blocked_deliveries.js';
import { outboxClaims } from './migrations/0018_outbox_claims.js';
import { timelineQuestions } from './migrations/0019_timeline_questions.js';
import { restrictedEntries } from './migrations/0020_restricted_entries.js';
import { recordExports } from './migrations/0021_record_exports.js';
import { timelineSearch } from './migrations/0022_timeline_search.js';
import { auditHeadLink } from './migrations/0023_audit_head_link.js';
import { dashboardIndexes } from './migrations/0024_dashboard_indexes.js';
import { postgresWrites } from './migrations/0025_postgres_writes.js';
import { dashboardFacts } from './migrations/0026_dashboard_facts.js';

/**
 * Migrations shared by SQLite and PostgreSQL, one file each under migrations/. A migration that
 * must differ by dialect takes `dialect`; most are written once.
 */
function migrations(dialect: SqlDialect): Record<string, Migration> {
  return {
    '0001_core': core(dialect),
    '0002_postgres': postgres(dialect),
    '0002_bot': bot(),
    '0002_m365_documents': m365Documents(dialect),
    '0003_meeting_chat': meetingChat(),
    '0004_idempotent_requests': idempotentRequests(),
    '0005_record_at_approval': recordAtApproval(),
    '0007_who_agrees': whoAgrees(),
    '0008_plan_between_meetings': planBetweenMeetings(),
    '0009_sessions_ended_and_write_tallies': sessionsEndedAndWriteTallies(),
    '0010_meeting_notes': meetingNotes(),
    '0011_consultations': consultations(dialect),
    '0012_case_transfers': caseTransfers(),
    '0013_transition_plans': transitionPlans(),
    '0014_case_summaries': caseSummaries(),
    '0015_actions_added_at_review': actionsAddedAtReview(),
    '0016_evaluation_pseudonym_key': evaluationPseudonymKey(),
    '0017_blocked_deliveries': blockedDeliveries(),
    '0018_outbox_claims': outboxClaims(),
    '0019_timeline_questions': timelineQuestions(),
    '0020_restricted_entries': restrictedEntries(),
    '0021_record_exports': recordExports(dialect),
    '0022_timeline_search': timelineSearch(dialect),
    '0023_audit_head_link': auditHeadLink(),
    '0024_dashboard_indexes': dashboardIndexes(),
    '0025_postgres_writes': postgresWrites(dialect),
    '0026_dashboard_facts': dashboardFacts(dialect),
  };
}

/** `schema`: PostgreSQL keeps its migration records there too (other schemas may hold their own). */
export async function migrateToLatest(db: Kysely<unknown>, dialect: SqlDialect, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Branches add migrations side by side; each is independent of the others' order.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    // The cause is kept: a database that could not be reached is waited for, a faulty migration is not.
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
