import type { Case } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { checkEntry, lifeStageOf, type TimelineEntry, type TimelineEntryInput } from '../../domain/timeline.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { assertAllowed, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { serviceOf } from '../team/staffing.js';
import type { Work } from '../unitOfWork.js';

/** Shared by add and edit: where the entry sits in the child's life, checked against the service's rules. */
export async function placeEntry(deps: AppDeps, tx: StoreTx, c: Case, input: TimelineEntryInput) {
  const service = await serviceOf(tx, c.serviceId);
  const span = checkEntry(input, c.childDateOfBirth, todayIn(deps.clock), service.settings);
  return { span, lifeStage: lifeStageOf(input.when, c.childDateOfBirth) };
}

/** Finds an entry for a change by this person: the case must be in reach before the entry is looked up. */
export async function entryForChange(
  w: Work,
  p: Principal,
  caseId: string,
  entryId: string,
  action: 'timeline.edit' | 'timeline.retract',
  expectedVersion: number,
) {
  const reach = await caseFor(w.tx, p, caseId, 'timeline.read');
  const entry = await w.tx.timeline.get(caseId, entryId);
  if (!entry) throw notFound('That timeline entry');
  assertAllowed(p, action, reach.case, reach.membership, entry.contributorId);
  if (entry.retraction) throw ruleViolation('This entry was retracted; add a new entry instead.');
  if (entry.version !== expectedVersion) throw staleVersion('This entry', entry.version);
  return { case: reach.case, entry };
}

export async function recordRevision(w: Work, e: TimelineEntry): Promise<void> {
  const { when, category, sourceAgency, confidence, description } = e;
  await w.tx.timeline.addRevision({
    entryId: e.id,
    caseId: e.caseId,
    version: e.version,
    content: { when, category, sourceAgency, confidence, description },
    retraction: e.retraction,
    changedBy: w.actor.staffId,
    changedByName: w.actor.name,
    changedAt: w.now,
  });
}

export async function saveChangedEntry(w: Work, c: Case, before: TimelineEntry, after: TimelineEntry, kind: 'edited' | 'retracted'): Promise<TimelineEntry> {
  if (!(await w.tx.timeline.update(after, before.version))) throw staleVersion('This entry', before.version);
  await recordRevision(w, after);
  await w.audit({
    action: `timeline.entry.${kind}`,
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, entryId: after.id, version: after.version },
  });
  await w.emit({ caseId: c.id, type: kind === 'edited' ? 'timeline.edited' : 'timeline.retracted', data: after });
  return after;
}
