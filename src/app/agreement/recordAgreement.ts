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
import { agreementNeeds, whyMayNotDecide } from '../../domain/agreementRules.js';
import type { ServiceSettings } from '../../domain/service.js';
import { serviceOf } from '../team/staffing.js';
import { childOnTheDay, whoMustAgree } from './whoMustAgree.js';
import { assertNotClosed, birthOf, type Case } from '../../domain/case.js';
import { ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction, type Work } from '../unitOfWork.js';

/**
 * Records a decision of the young person, a parent or carer, or the local authority; the case is
 * active once everyone the agreement rules need for this child today has agreed.
 */
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
    const born = birthOf(c);
    const decisions = inputs.map(({ input, what }) => parseInput(agreementInputSchema, input, what, (raw) => decisionDateProblems(raw, today, born)));
    if (new Set(decisions.map((a) => a.party)).size !== decisions.length) throw ruleViolation('Record one decision for each of them at a time.');
    assertNotClosed(c);
    if (decisionsSeen !== undefined) assertNothingRecordedSince(await w.tx.agreements.listForCase(c.id), decisionsSeen);
    const { settings } = await serviceOf(w.tx, c.serviceId);
    let record: AgreementRecord | null = null;
    for (const a of decisions) {
      // Checked against what is recorded so far, this sitting's earlier decisions included.
      const why = whyMayNotDecide(a.party, await w.tx.agreements.listForCase(c.id), childOnTheDay(c, settings, todayIn(deps.clock)));
      if (why) throw ruleViolation(why, { party: a.party });
      const d = {
        party: a.party,
        decision: a.decision,
        date: a.date,
        method: a.method,
        competenceNote: a.competenceNote ?? null,
        familyInvolvement: a.familyInvolvement ?? null,
      };
      record = await applyDecision(w, c, d, settings, todayIn(deps.clock));
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
    const born = birthOf(c);
    const a = parseInput(withdrawalSchema, input, 'The withdrawal', (raw) => decisionDateProblems(raw, todayIn(deps.clock), born));
    assertNotClosed(c);
    const state = agreementState(await w.tx.agreements.listForCase(c.id));
    if (state[a.party] !== 'given') throw ruleViolation('Only an agreement that was given can be withdrawn.');
    const { settings } = await serviceOf(w.tx, c.serviceId);
    const d = { party: a.party, decision: 'withdrawn' as const, date: a.date, method: a.method, competenceNote: a.note ?? null, familyInvolvement: null };
    return applyDecision(w, c, d, settings, todayIn(deps.clock));
  });
}

type Decided = Pick<Agreement, 'party' | 'decision' | 'date' | 'method' | 'competenceNote' | 'familyInvolvement'>;

async function applyDecision(w: Work, c: Case, d: Decided, settings: ServiceSettings, today: string): Promise<AgreementRecord> {
  const earlier = await w.tx.agreements.listForCase(c.id);
  const seq = (earlier.at(-1)?.seq ?? 0) + 1;
  const agreement: Agreement = { ...d, id: w.newId(), caseId: c.id, seq, recordedBy: w.actor.staffId, recordedByName: w.actor.name, recordedAt: w.now };
  await w.tx.agreements.insert(agreement);
  const history = [...earlier, agreement];
  const state = agreementState(history);
  const status = statusAfterAgreement(c.status, agreementNeeds(history, childOnTheDay(c, settings, today)).missing);
  let version = c.version;
  if (status !== c.status) {
    version = c.version + 1;
    if (!(await w.tx.cases.update({ ...c, status, version }, c.version))) throw staleVersion('The case', c.version);
  }
  await w.audit({ action: `agreement.${d.decision}`, caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, party: d.party, status } });
  await w.emit({ caseId: c.id, type: 'agreement.recorded', data: { party: d.party, decision: d.decision, status } });
  return { agreement: state, needs: whoMustAgree({ ...c, status }, history, settings, today), status, history, caseVersion: version };
}
