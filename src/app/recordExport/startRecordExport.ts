import type { RecordExportView } from '../../contract/views.js';
import { ruleViolation } from '../../domain/errors.js';
import { expiryOf, recordExportRequestSchema } from '../../domain/recordExport.js';
import type { Principal } from '../../domain/staff.js';
import type { RecordExport } from '../../ports/recordExports.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { queueRecordExport } from './buildRecordExportJob.js';
import { recordExportView } from './recordExportView.js';

/**
 * Starts the child's copy of their record (issue 16 §4; docs/record-export.md): in one transaction
 * the export is recorded as queued, its build and its expiry seven days on are queued in the
 * outbox, and the audit trail records who started it. A crash after the commit only delays the build.
 */
export async function startRecordExport(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<RecordExportView> {
  const request = parseInput(recordExportRequestSchema, input, 'The export');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'record.export');
    const building = (await w.tx.recordExports.listForCase(c.id)).find(
      (e) => e.requestedBy === person.staffId && (e.state === 'queued' || e.state === 'building'),
    );
    if (building) throw ruleViolation('Your export of this record is still being built; wait for it to finish.', { exportId: building.id });
    const e: RecordExport = {
      id: w.newId(),
      caseId: c.id,
      serviceId: c.serviceId,
      reference: c.reference,
      requestedFor: request.requestedFor,
      note: request.note ?? null,
      requestedBy: person.staffId,
      requestedAt: w.now,
      expiresAt: expiryOf(w.now),
      state: 'queued',
      progressDone: 0,
      progressTotal: 0,
      step: 'waiting to start',
      review: [],
      withheld: [],
      size: null,
      sha256: null,
      readyAt: null,
      error: null,
    };
    await w.tx.recordExports.insert(e);
    await queueRecordExport(w, e);
    await w.audit({
      action: 'record.export.started',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { exportId: e.id, reference: c.reference, requestedFor: e.requestedFor, expiresAt: e.expiresAt },
    });
    return recordExportView(e, person, person.name);
  });
}
