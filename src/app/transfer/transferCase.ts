import type { CaseView } from '../../contract/views.js';
import type { Case } from '../../domain/case.js';
import { DomainError, ruleViolation, staleVersion } from '../../domain/errors.js';
import { decideTransferDestination } from '../../domain/policy.js';
import type { Service } from '../../domain/service.js';
import type { Principal, Staff } from '../../domain/staff.js';
import { caseRoleFor } from '../../domain/team.js';
import { fileNameAfterTransfer, referenceAfterTransfer, referralYearOf, transferSchema } from '../../domain/transfer.js';
import type { CaseTransfer } from '../../ports/caseTransfers.js';
import { caseFor } from '../access.js';
import { caseView } from '../case/caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { newMember } from '../team/staffing.js';
import { inTransaction, type Work } from '../unitOfWork.js';
import { queueDocumentMove } from './moveCaseDocumentsJob.js';

/** Whether this member of staff may hold a case in the service (as at referral: its own staff, not partners or administrators). */
export const mayHoldCaseIn = (s: Pick<Staff, 'role' | 'serviceIds'>, serviceId: string): boolean =>
  s.role !== 'partner' && s.role !== 'administrator' && s.serviceIds.includes(serviceId);

/** A refusal in the form's words: the field, and what is wrong with it. */
const fieldProblem = (path: string, message: string) => new DomainError('validation_failed', 'The transfer is not valid.', [{ path, message }]);

/**
 * Moves a case to another service (issue 14 §4; docs/transfers.md). In one transaction: the case
 * takes the new service and its reference, the new case holder joins the team and staff who do not
 * work in the new service leave it, documents still waiting for delivery are sent to the new
 * library instead, both services' audit trails record the move, and a job is queued that copies
 * the documents already filed to the new library and removes them from the old one only once every
 * copy is confirmed (moveCaseDocumentsJob.ts). A crash anywhere after the commit only delays that job.
 */
export async function transferCase(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<CaseView> {
  const t = parseInput(transferSchema, input, 'The transfer');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'case.transfer');
    if (c.status === 'closed') throw ruleViolation('This case is closed: a closed case stays with its service.');
    if (c.version !== expectedVersion) throw staleVersion('The case', c.version);
    const to = await destination(w, person, c, t.toServiceId);
    const moving = (await w.tx.transfers.listForCase(c.id)).find((x) => x.documentsMovedAt === null);
    if (moving) throw ruleViolation(`This case's documents are still moving from ${moving.fromReference}; transfer it again once they have arrived.`);
    const holder = await holderIn(w, person, to, t.caseHolderId);

    const reference = referenceAfterTransfer(c.reference, to.id, await w.tx.cases.nextReferenceNumber(to.id, referralYearOf(c.reference)));
    const moved: Case = { ...c, serviceId: to.id, reference, caseHolderId: holder.id, version: c.version + 1 };
    if (!(await w.tx.cases.update(moved, c.version))) throw staleVersion('The case', c.version);
    const leftTeam = await teamFollows(w, moved, holder);

    const transfer: CaseTransfer = {
      id: w.newId(),
      caseId: c.id,
      fromServiceId: c.serviceId,
      fromReference: c.reference,
      toServiceId: to.id,
      toReference: reference,
      reason: t.reason ?? null,
      transferredBy: person.staffId,
      transferredAt: w.now,
      documentsMovedAt: null,
      documentsMoved: null,
    };
    await w.tx.transfers.insert(transfer);
    for (const d of await w.tx.documents.list(c.id)) {
      if (d.status === 'queued') {
        await w.tx.documents.redirect(d.id, {
          serviceId: to.id,
          caseReference: reference,
          fileName: fileNameAfterTransfer(d.fileName, c.reference, reference),
        });
      }
    }
    await queueDocumentMove(w, transfer);

    // Each service's chain records the move: the old one that the case left, the new one that it arrived.
    const detail = { transferId: transfer.id, fromReference: c.reference, toReference: reference, fromServiceId: c.serviceId, toServiceId: to.id };
    await w.audit({ action: 'case.transferred.out', caseId: c.id, serviceId: c.serviceId, detail: { ...detail, leftTeam } });
    await w.audit({
      action: 'case.transferred.in',
      caseId: c.id,
      serviceId: to.id,
      detail: { ...detail, caseHolderId: holder.id, ...(t.reason ? { reason: t.reason } : {}) },
    });
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status: moved.status, closureReason: moved.closureReason } });
    return caseView(deps, w.tx, person, moved, await w.tx.team.get(c.id, person.staffId), to);
  });
}

async function destination(w: Work, person: Principal, c: Case, toServiceId: string): Promise<Service> {
  if (toServiceId === c.serviceId) throw fieldProblem('toServiceId', 'is the service the case is already in: choose another service');
  const to = await w.tx.services.get(toServiceId);
  if (!to) throw fieldProblem('toServiceId', 'is not one of the services');
  if (!decideTransferDestination(person, c.serviceId, to.id).allowed) {
    throw fieldProblem('toServiceId', `is not a service you work in: the ECM team move cases only between the services they serve`);
  }
  return to;
}

/** Who holds the case in the new service: the person named, or the person moving it when they may. */
async function holderIn(w: Work, person: Principal, to: Service, caseHolderId: string | undefined): Promise<Staff> {
  const holder = await w.tx.staff.get(caseHolderId ?? person.staffId);
  if (holder && mayHoldCaseIn(holder, to.id)) return holder;
  throw fieldProblem(
    'caseHolderId',
    caseHolderId === undefined ? `is needed: name who holds the case in ${to.name}` : `does not work in ${to.name}: choose a member of its staff`,
  );
}

/**
 * The team follows the service: staff who do not work in the new service leave the team (partners,
 * invited to the case itself, stay); the new case holder joins as case holder, and a former case
 * holder who stays goes back to the part their role plays. Returns who left, for the audit trail.
 */
async function teamFollows(w: Work, moved: Case, holder: Staff): Promise<string[]> {
  const left: string[] = [];
  for (const m of await w.tx.team.list(moved.id)) {
    if (m.staffId === holder.id) continue;
    const staff = await w.tx.staff.get(m.staffId);
    if (!staff || staff.role === 'partner') continue;
    if (!staff.serviceIds.includes(moved.serviceId)) {
      await w.tx.team.remove(moved.id, m.staffId);
      left.push(m.staffId);
    } else if (m.caseRole === 'case_holder') {
      await w.tx.team.upsert({ ...m, caseRole: caseRoleFor(staff) });
    }
  }
  const existing = await w.tx.team.get(moved.id, holder.id);
  await w.tx.team.upsert(existing ? { ...existing, caseRole: 'case_holder' } : newMember(holder, moved.id, 'case_holder', w.actor.staffId, w.now));
  return left;
}
