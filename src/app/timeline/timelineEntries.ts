import { assertIdentified, type Case } from '../../domain/case.js';
import type { Service } from '../../domain/service.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { checkEntry, lifeStageOf, type TimelineEntry, type TimelineEntryInput } from '../../domain/timeline.js';
import { todayIn } from '../../ports/clock.js';
import { assertAllowed, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import type { Work } from '../unitOfWork.js';

/** Shared by add and edit: where the entry sits in the child's life, checked against the service's rules. */
export function placeEntry(deps: AppDeps, caseRecord: Case, service: Service, input: TimelineEntryInput) {
  assertIdentified(caseRecord);
  const span = checkEntry(input, caseRecord.childDateOfBirth, todayIn(deps.clock), service.settings);
  return { span, lifeStage: lifeStageOf(input.when, caseRecord.childDateOfBirth) };
}

/** Finds an entry for a change by this person: the case must be in reach before the entry is looked up. */
export async function entryForChange(
  work: Work,
  person: Principal,
  caseId: string,
  entryId: string,
  action: 'timeline.edit' | 'timeline.retract',
  expectedVersion: number,
) {
  const reach = await caseFor(work.tx, person, caseId, 'timeline.read');
  const entry = await work.tx.timeline.get(caseId, entryId);
  if (!entry) throw notFound('That timeline entry');
  assertAllowed(person, action, reach.case, reach.membership, entry.contributorId);
  if (entry.retraction) throw ruleViolation('This entry was retracted; add a new entry instead.');
  if (entry.version !== expectedVersion) throw staleVersion('This entry', entry.version);
  return { case: reach.case, service: reach.service, entry };
}

export async function recordRevision(work: Work, entry: TimelineEntry): Promise<void> {
  const { when, category, sourceAgency, confidence, description } = entry;
  await work.tx.timeline.addRevision({
    entryId: entry.id,
    caseId: entry.caseId,
    version: entry.version,
    content: { when, category, sourceAgency, confidence, description },
    retraction: entry.retraction,
    restriction: entry.restriction,
    changedBy: work.actor.staffId,
    changedByName: work.actor.name,
    changedAt: work.now,
  });
}

export async function saveChangedEntry(
  work: Work,
  caseRecord: Case,
  before: TimelineEntry,
  after: TimelineEntry,
  kind: 'edited' | 'retracted',
): Promise<TimelineEntry> {
  if (!(await work.tx.timeline.update(after, before.version))) throw staleVersion('This entry', before.version);
  await recordRevision(work, after);
  await work.audit({
    action: `timeline.entry.${kind}`,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    detail: { reference: caseRecord.reference, entryId: after.id, version: after.version },
  });
  await work.emit({ caseId: caseRecord.id, type: kind === 'edited' ? 'timeline.edited' : 'timeline.retracted', data: after });
  return after;
}
