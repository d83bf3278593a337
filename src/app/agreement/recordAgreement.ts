import type { AgreementRecord } from '../../contract/views.js';
import {
  type Agreement,
  agreementInputSchema,
  agreementState,
  assertNothingRecordedSince,
  decisionDateProblems,
  statusAfterAgreement,
  withdrawalSchema,
} from '../../domain/agreement.js';
import { assertNotClosed, type Case } from '../../domain/case.js';
import { ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction, type Work } from '../unitOfWork.js';

/** Records a young person's or parent/carer's decision; both given makes the case active. */
export async function recordAgreement(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<AgreementRecord> {
  return recordAgreements(deps, person, caseId, [{ input, what: 'The agreement' }]);
}

/**
 * Decisions taken at one sitting (the young person's and the parent or carer's, as the bot's card
 * records them): every one is checked first, then all are recorded in one transaction, so a refusal
 * of any leaves the case as it was rather than holding half an agreement. `decisionsSeen` is how
 * many decisions the form showed when it was drawn: if more are recorded now, nothing is recorded.
 */
export async function recordAgreements(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  inputs: readonly { input: unknown; what: string }[],
  decisionsSeen?: number,
): Promise<AgreementRecord> {
  if (inputs.length === 0) throw ruleViolation('Nothing to record: choose what at least one of them decided, or come back when you know.');
  return inTransaction(deps, person, async (w) => {
    let { case: c } = await caseFor(w.tx, person, caseId, 'agreement.record');
    // Parsed once the case is read: its date is checked against the young person's date of birth.
    const today = todayIn(deps.clock);
    const decisions = inputs.map(({ input, what }) =>
      parseInput(agreementInputSchema, input, what, (raw) => decisionDateProblems(raw, today, c.childDateOfBirth)),
    );
    if (new Set(decisions.map((a) => a.party)).size !== decisions.length) throw ruleViolation('Record one decision for each of them at a time.');
    assertNotClosed(c);
    if (decisionsSeen !== undefined) assertNothingRecordedSince(await w.tx.agreements.listForCase(c.id), decisionsSeen);
    let record: AgreementRecord | null = null;
    for (const a of decisions) {
      record = await applyDecision(w, c, { party: a.party, decision: a.decision, date: a.date, method: a.method, competenceNote: a.competenceNote ?? null });
      // The next decision builds on the case as this one left it, not as it was read.
      c = { ...c, status: record.status, version: record.caseVersion };
    }
    return record as AgreementRecord;
  });
}

/** Withdrawal stops new work on the case until agreement is given again. */
export async function withdrawAgreement(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<AgreementRecord> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'agreement.record');
    const a = parseInput(withdrawalSchema, input, 'The withdrawal', (raw) => decisionDateProblems(raw, todayIn(deps.clock), c.childDateOfBirth));
    assertNotClosed(c);
    const state = agreementState(await w.tx.agreements.listForCase(c.id));
    if (state[a.party] !== 'given') throw ruleViolation('Only an agreement that was given can be withdrawn.');
    return applyDecision(w, c, { party: a.party, decision: 'withdrawn', date: a.date, method: a.method, competenceNote: a.note ?? null });
  });
}

async function applyDecision(w: Work, c: Case, d: Pick<Agreement, 'party' | 'decision' | 'date' | 'method' | 'competenceNote'>): Promise<AgreementRecord> {
  const earlier = await w.tx.agreements.listForCase(c.id);
  const seq = (earlier.at(-1)?.seq ?? 0) + 1;
  const agreement: Agreement = { ...d, id: w.newId(), caseId: c.id, seq, recordedBy: w.actor.staffId, recordedByName: w.actor.name, recordedAt: w.now };
  await w.tx.agreements.insert(agreement);
  const history = [...earlier, agreement];
  const state = agreementState(history);
  const status = statusAfterAgreement(c.status, state);
  let version = c.version;
  if (status !== c.status) {
    version = c.version + 1;
    if (!(await w.tx.cases.update({ ...c, status, version }, c.version))) throw staleVersion('The case', c.version);
  }
  await w.audit({ action: `agreement.${d.decision}`, caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, party: d.party, status } });
  await w.emit({ caseId: c.id, type: 'agreement.recorded', data: { party: d.party, decision: d.decision, status } });
  return { agreement: state, status, history, caseVersion: version };
}
