import { DomainError } from '../../domain/errors.js';
import { hasExpired } from '../../domain/recordExport.js';
import type { Principal } from '../../domain/staff.js';
import { AccessRefused, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { zipNameOf } from './recordExportView.js';
import { exportOfCase } from './showRecordExport.js';

export interface RecordZip {
  fileName: string;
  content: Uint8Array;
  sha256: string;
}

/**
 * The zip, for the person who started the export, within its seven days (docs/record-export.md):
 * anyone else who may export the case is refused (403), a zip not built yet is a conflict (409),
 * and after seven days it is gone (410, and the zip is dropped then if its expiry job has not yet).
 * Each fetch is audited.
 */
export async function downloadRecordExport(deps: AppDeps, person: Principal, caseId: string, exportId: string): Promise<RecordZip> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'record.export');
    const e = await exportOfCase(w.tx, c.id, exportId);
    // Refused as an access refusal, so the attempt is in the audit trail too.
    if (e.requestedBy !== person.staffId)
      throw new AccessRefused({ allowed: false, reason: 'forbidden' }, { action: 'record.export.download', caseId: c.id, serviceId: c.serviceId });
    if (e.state === 'expired' || hasExpired(e.expiresAt, w.now)) {
      await w.tx.recordExports.expire(w.now);
      throw new DomainError('gone', 'This export was kept for seven days and is gone; start a new one.');
    }
    if (e.state === 'failed') throw new DomainError('conflict', 'This export could not be built; start a new one.');
    const content = e.state === 'ready' ? await w.tx.recordExports.content(e.id) : null;
    if (!content || !e.sha256) throw new DomainError('conflict', 'This export is still being built; download it once it is ready.', { state: e.state });
    await w.audit({
      action: 'record.export.downloaded',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { exportId: e.id, reference: c.reference, sha256: e.sha256 },
    });
    return { fileName: zipNameOf(e.reference), content, sha256: e.sha256 };
  });
}
