import type { TrmHistoryItem } from '../../contract/views.js';
import { trmLabel } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { inPlacementOrder, movement } from '../../domain/trm.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/** The child's placements over time, each with its movement from the one before. */
export async function listTrmPlacements(
  deps: AppDeps,
  person: Principal,
  caseId: string,
): Promise<{ placements: TrmHistoryItem[]; labels: { level: number; name: string; need: string }[] }> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'trm.read');
    const service = await serviceOf(w.tx, c.serviceId);
    const ordered = inPlacementOrder(await w.tx.trm.list(c.id));
    await w.audit({ action: 'trm.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return {
      placements: ordered.map((pl, i) => ({ ...pl, label: trmLabel(service.settings, pl.level), movement: movement(ordered[i - 1]?.level ?? null, pl.level) })),
      labels: service.settings.trmLabels,
    };
  });
}
