import { assertIdentified, type Case } from '../../domain/case.js';
import { notFound } from '../../domain/errors.js';
import type { Summary, SummaryKind } from '../../domain/summary.js';
import { draftSummary } from '../../documents/summaryDraft.js';
import type { StoreTx } from '../../ports/store.js';
import { serviceOf } from '../team/staffing.js';

/**
 * The case's summary of this kind: the one saved, or, until someone saves one, a first draft made
 * from the newest approved formulation and the plan (version 0, kept nowhere). Without an approved
 * formulation there is nothing to summarise.
 */
export async function currentSummary(tx: StoreTx, c: Case, kind: SummaryKind, now: string): Promise<Summary> {
  const saved = await tx.summaries.get(c.id, kind);
  if (saved) return saved;
  const formulation = (await tx.formulations.list(c.id))
    .filter((f) => f.approvedAt)
    .sort((a, b) => a.number - b.number)
    .at(-1);
  if (!formulation) throw notFound('An approved formulation to draft the summary from');
  assertIdentified(c);
  const [service, actions, team, placements] = await Promise.all([serviceOf(tx, c.serviceId), tx.actions.list(c.id), tx.team.list(c.id), tx.trm.list(c.id)]);
  return {
    caseId: c.id,
    kind,
    sections: draftSummary(kind, { case: c, service, formulation, actions, team, placements }),
    status: 'draft',
    formulationNumber: formulation.number,
    approved: null,
    updatedBy: 'system',
    updatedByName: 'Drafted from the formulation',
    updatedAt: now,
    version: 0,
  };
}

/** The kind named in an address (`court`, `adult-handover`), or 404 for any other. */
export { summaryKindOfSlug } from '../../domain/summary.js';
export const kindOrNotFound = (kind: SummaryKind | null): SummaryKind => {
  if (!kind) throw notFound('That kind of summary');
  return kind;
};
