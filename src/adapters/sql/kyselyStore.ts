import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Store, StoreTx } from '../../ports/store.js';
import type { Database, SqlDialect } from './schema.js';
import { auditRepository } from './repositories/audit.js';
import { caseDocumentRepository } from './repositories/caseDocuments.js';
import { caseEventRepository } from './repositories/caseEvents.js';
import { consultationRepository } from './repositories/consultations.js';
import { conversationRepository } from './repositories/conversations.js';
import { agreementRepository, caseRepository, teamRepository } from './repositories/cases.js';
import { formulationRepository } from './repositories/formulations.js';
import { meetingRepository } from './repositories/meetings.js';
import { planActionRepository } from './repositories/planActions.js';
import { summaryRepository } from './repositories/summaries.js';
import { outboxRepository } from './repositories/outbox.js';
import { serviceRepository, sessionRepository, staffRepository } from './repositories/people.js';
import { idempotentRequestRepository } from './repositories/requests.js';
import { caseTransferRepository } from './repositories/caseTransfers.js';
import { timelineRepository } from './repositories/timeline.js';
import { timelineQuestionRepository } from './repositories/timelineQuestions.js';
import { transitionPlanRepository } from './repositories/transitionPlans.js';
import { trmRepository } from './repositories/trm.js';
import { writeTallyRepository } from './repositories/writeTallies.js';
import { evaluationKeyRepository } from './repositories/evaluationKeys.js';
import { dashboardRepository } from './repositories/dashboard.js';
import { recordExportRepository } from './repositories/recordExports.js';

/**
 * The store on any Kysely database. SQLite and PostgreSQL differ only in how a connection is
 * opened and in `dialect`, which a few queries consult (row locking for the outbox).
 */
export function createKyselyStore(
  db: Kysely<Database>,
  dialect: SqlDialect,
  onClose: () => Promise<void> = () => db.destroy(),
  /** How a unit of work gets its transaction: one of its own, unless the adapter groups them (src/adapters/sqlite/groupCommit.ts). */
  transact: <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T> = (work) => db.transaction().execute(work),
): Store {
  const txFor = (trx: Kysely<Database>): StoreTx => ({
    services: serviceRepository(trx),
    staff: staffRepository(trx),
    cases: caseRepository(trx, dialect),
    agreements: agreementRepository(trx, dialect),
    team: teamRepository(trx),
    timeline: timelineRepository(trx, dialect),
    questions: timelineQuestionRepository(trx),
    formulations: formulationRepository(trx, dialect),
    trm: trmRepository(trx, dialect),
    meetings: meetingRepository(trx, dialect),
    actions: planActionRepository(trx),
    transitionPlans: transitionPlanRepository(trx),
    summaries: summaryRepository(trx),
    audit: auditRepository(trx, dialect),
    caseEvents: caseEventRepository(trx),
    outbox: outboxRepository(trx, dialect),
    sessions: sessionRepository(trx),
    conversations: conversationRepository(trx),
    documents: caseDocumentRepository(trx),
    transfers: caseTransferRepository(trx),
    requests: idempotentRequestRepository(trx),
    writeTallies: writeTallyRepository(trx, dialect),
    consultations: consultationRepository(trx),
    evaluationKeys: evaluationKeyRepository(trx),
    dashboard: dashboardRepository(trx, dialect),
    recordExports: recordExportRepository(trx),
  });

  return {
    transaction: (work) => transact((trx) => work(txFor(trx))),
    // On SQLite a unit of work costs no round trip, and group commit shares its flush.
    autocommit: (work) => (dialect === 'postgres' ? work(txFor(db)) : transact((trx) => work(txFor(trx)))),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: onClose,
  };
}
