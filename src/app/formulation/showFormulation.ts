import type { FormulationRecord } from '../../contract/views.js';
import { notFound } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import type { FormulationRevision } from '../../ports/store.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** The newest formulation, or version `number` of it. */
export async function showFormulation(deps: AppDeps, person: Principal, caseId: string, number?: number): Promise<FormulationRecord> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'formulation.read');
    const all = await w.tx.formulations.list(c.id);
    const current = number === undefined ? all[all.length - 1] : all.find((f) => f.number === number);
    if (!current) throw notFound(number === undefined ? 'A formulation for this case' : `Version ${number} of the formulation`);
    await w.audit({ action: 'formulation.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, formulation: current.number } });
    return {
      current,
      versions: all.map(({ number: n, status, approvedAt, approvedByName, updatedAt }) => ({ number: n, status, approvedAt, approvedByName, updatedAt })),
    };
  });
}

/** Every save of one version, oldest first, for the readable diff. */
export async function showFormulationRevisions(deps: AppDeps, person: Principal, caseId: string, number: number): Promise<FormulationRevision[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'formulation.read');
    const f = await w.tx.formulations.get(c.id, number);
    if (!f) throw notFound(`Version ${number} of the formulation`);
    await w.audit({ action: 'formulation.revisions.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, formulation: number } });
    return w.tx.formulations.revisions(f.id);
  });
}
