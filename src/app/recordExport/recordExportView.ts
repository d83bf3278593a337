import type { RecordExportView } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import type { RecordExport } from '../../ports/recordExports.js';

/** What the API says of an export: its progress; once ready, what to review and (to its starter) where to fetch it. */
export function recordExportView(e: RecordExport, viewer: Principal, starterName: string | null): RecordExportView {
  const mine = e.requestedBy === viewer.staffId;
  return {
    id: e.id,
    caseId: e.caseId,
    reference: e.reference,
    requestedFor: e.requestedFor,
    requestedBy: { id: e.requestedBy, name: starterName },
    requestedAt: e.requestedAt,
    expiresAt: e.expiresAt,
    state: e.state,
    progress: {
      done: e.progressDone,
      total: e.progressTotal,
      percent: e.state === 'ready' ? 100 : e.progressTotal ? Math.floor((100 * e.progressDone) / e.progressTotal) : 0,
      step: e.step,
    },
    readyAt: e.readyAt,
    size: e.size,
    sha256: e.sha256,
    review: e.review,
    withheld: e.withheld,
    error: e.error,
    startedByYou: mine,
    download: mine && e.state === 'ready' ? { href: `/api/v1/cases/${e.caseId}/record-exports/${e.id}/download`, fileName: zipNameOf(e.reference) } : null,
  };
}

/** The zip's file name: the case reference, never the child's name. */
export const zipNameOf = (reference: string) => `${reference}_record.zip`;
