import type { Case } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import type { CaseDossier } from '../../documents/dossier.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/** Which document a dossier is read for; it goes into the audit trail. */
export type DossierPurpose = 'formulation_report' | 'youth_friendly_formulation' | 'review_record' | 'timeline_picture' | 'publication';

const PAGE = 1000;

/** Reads everything the case documents are made from. No access check: callers decide (see below). */
export async function assembleDossier(tx: StoreTx, caseRecord: Case, today: string): Promise<CaseDossier> {
  const service = await serviceOf(tx, caseRecord.serviceId);
  const timeline: TimelineEntry[] = [];
  let after: string | undefined;
  do {
    const page = await tx.timeline.list(caseRecord.id, {}, { limit: PAGE, after });
    timeline.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  const [formulations, placements, team, meetings] = await Promise.all([
    tx.formulations.list(caseRecord.id),
    tx.trm.list(caseRecord.id),
    tx.team.list(caseRecord.id),
    tx.meetings.list(caseRecord.id),
  ]);
  return {
    case: caseRecord,
    service: { id: service.id, name: service.name, settings: service.settings },
    timeline,
    formulations: [...formulations].sort((a, b) => a.number - b.number),
    placements,
    team,
    meetings,
    today,
  };
}

/** A case's dossier for a person who may read its documents; the read is audited. */
export async function loadCaseDossier(deps: AppDeps, person: Principal, caseId: string, purpose: DossierPurpose): Promise<CaseDossier> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    const dossier = await assembleDossier(w.tx, c, todayIn(deps.clock));
    await w.audit({ action: 'documents.generated', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, document: purpose } });
    return dossier;
  });
}
