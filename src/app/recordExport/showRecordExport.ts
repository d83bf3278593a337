import type { RecordExportView } from '../../contract/views.js';
import { notFound } from '../../domain/errors.js';
import { hasExpired } from '../../domain/recordExport.js';
import type { Principal } from '../../domain/staff.js';
import type { RecordExport } from '../../ports/recordExports.js';
import type { StoreTx } from '../../ports/store.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { recordExportView } from './recordExportView.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The export of this case with this id, or 404 (an id of another case's export is not there). */
export async function exportOfCase(tx: StoreTx, caseId: string, exportId: string): Promise<RecordExport> {
  const e = UUID.test(exportId) ? await tx.recordExports.get(exportId) : null;
  if (!e || e.caseId !== caseId) throw notFound('That export');
  return e;
}

/** An export past its seven days reads as expired, even before its expiry job has dropped the zip. */
const asAt = (e: RecordExport, now: string): RecordExport => (e.state !== 'expired' && hasExpired(e.expiresAt, now) ? { ...e, state: 'expired' } : e);

const nameOf = async (tx: StoreTx, staffId: string) => (await tx.staff.get(staffId))?.name ?? null;

/** One export's progress (and, once ready, its review list), for those who may export the case's record; audited. */
export async function showRecordExport(deps: AppDeps, person: Principal, caseId: string, exportId: string): Promise<RecordExportView> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'record.export');
    const e = asAt(await exportOfCase(w.tx, c.id, exportId), w.now);
    await w.audit({ action: 'record.export.viewed', caseId: c.id, serviceId: c.serviceId, detail: { exportId: e.id, reference: c.reference, state: e.state } });
    return recordExportView(e, person, await nameOf(w.tx, e.requestedBy));
  });
}

/** The case's exports, newest first, for those who may export its record; audited. */
export async function listRecordExports(deps: AppDeps, person: Principal, caseId: string): Promise<{ items: RecordExportView[] }> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'record.export');
    const exports = (await w.tx.recordExports.listForCase(c.id)).map((e) => asAt(e, w.now));
    await w.audit({ action: 'record.export.listed', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, exports: exports.length } });
    const items: RecordExportView[] = [];
    for (const e of exports) items.push(recordExportView(e, person, await nameOf(w.tx, e.requestedBy)));
    return { items };
  });
}
