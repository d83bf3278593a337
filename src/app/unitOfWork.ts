import type { AuditDetail } from '../domain/audit.js';
import type { CaseEventOf } from '../contract/caseEvents.js';
import type { CaseEvent, CaseEventType } from '../domain/caseEvents.js';
import type { Principal } from '../domain/staff.js';
import type { NewOutboxJob } from '../ports/outbox.js';
import type { StoreTx } from '../ports/store.js';
import { AccessRefused } from './access.js';
import type { AppDeps } from './deps.js';

export interface AuditNote {
  action: string;
  caseId: string | null;
  serviceId: string | null;
  detail?: AuditDetail;
}

/**
 * Who acts when the system works on its own (an outbox job preparing a case's documents). It holds
 * the least role there is and no service or case team, so anything that asked the policy on its
 * behalf would be refused: system work checks nothing because it only does what a person's
 * change, already checked, queued.
 */
export const SYSTEM_ACTOR: Principal = { staffId: 'system', name: 'ECM for Teams', role: 'partner', serviceIds: [], agency: 'ecm_team' };

/** One use case's view of its transaction: the store, the time, and the audit and event logs. */
export interface Work {
  tx: StoreTx;
  /** The instant of this change, the same for everything it writes. */
  now: string;
  actor: Principal;
  /** Notes an audit event; it is written at the end of the unit of work (see inTransaction). */
  audit(note: AuditNote): Promise<void>;
  /**
   * Notes a case event, its payload the one its type carries; it is written at the end of the unit
   * of work and reaches watchers only after the transaction commits.
   */
  emit<T extends CaseEventType>(event: CaseEventOf<T>): Promise<void>;
  /** True when the job is new; false when its dedupe key says it was queued before. */
  enqueue(job: NewOutboxJob): Promise<boolean>;
  newId(): string;
}

/**
 * Runs a use case in one transaction: its change, its audit event and its case events commit
 * together or not at all; then the events are published to watchers.
 *
 * The audit events and case events are written last, in the order they were noted, just before
 * COMMIT: each takes a lock held until the commit (PostgreSQL: the audit chain's head row, and the
 * case's event numbering), so every other write of the same service or case waits while it is
 * held. Written last, the locks are held for those statements and the COMMIT only, not for the
 * use case's reads and other writes too.
 */
export async function inTransaction<T>(deps: AppDeps, actor: Principal, work: (w: Work) => Promise<T>): Promise<T> {
  const now = deps.clock.now().toISOString();
  let published: CaseEvent[] = [];
  let result: T;
  try {
    result = await deps.store.transaction(async (tx) => {
      published = [];
      const audits: AuditNote[] = [];
      const events: CaseEventOf<CaseEventType>[] = [];
      const done = await work({
        tx,
        now,
        actor,
        newId: deps.newId,
        audit: async (note) => void audits.push(note),
        emit: async (event) => void events.push(event),
        enqueue: (job) => tx.outbox.enqueue({ ...job, id: deps.newId(), now }),
      });
      const audited = (note: AuditNote) => ({
        actorId: actor.staffId,
        action: note.action,
        caseId: note.caseId,
        serviceId: note.serviceId,
        detail: note.detail ?? {},
      });
      const noted = (event: CaseEventOf<CaseEventType>) => ({ ...event, actorId: actor.staffId, actorName: actor.name });
      const last = audits.pop();
      const first = events.shift();
      for (const note of audits) await tx.audit.append(audited(note), now);
      // The last audit row and the first case event go together (one round trip on PostgreSQL).
      if (last && first) published.push((await tx.audit.appendWithCaseEvent(audited(last), now, noted(first))).caseEvent);
      else if (last) await tx.audit.append(audited(last), now);
      else if (first) published.push(await tx.caseEvents.append(noted(first), now));
      for (const event of events) published.push(await tx.caseEvents.append(noted(event), now));
      return done;
    });
  } catch (error) {
    // A refusal rolls the work back, but the attempt itself belongs in the audit trail.
    if (error instanceof AccessRefused) {
      await deps.store.transaction((tx) =>
        tx.audit.append(
          {
            actorId: actor.staffId,
            action: 'access.refused',
            caseId: error.attempt.caseId,
            serviceId: error.attempt.serviceId,
            detail: { attempted: error.attempt.action, reason: error.code },
          },
          now,
        ),
      );
    }
    throw error;
  }
  for (const event of published) deps.bus.publish(event);
  return result;
}
