import type { CaseView } from '../../contract/views.js';
import { consultationView } from '../consultation/consultationView.js';
import { agreementState } from '../../domain/agreement.js';
import { type Case, isIdentified } from '../../domain/case.js';
import { CASE_ACTIONS, type CaseAction } from '../../domain/policy.js';
import { retainUntil } from '../../domain/retention.js';
import { type Service, trmLabel } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { INFORMATION_SHARING_TERMS, mustAcceptTerms, type TeamMember, TERMS_VERSION } from '../../domain/team.js';
import { inPlacementOrder } from '../../domain/trm.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { can } from '../access.js';
import type { AppDeps } from '../deps.js';
import { reviewStatusOf } from '../../domain/reviewStatusOf.js';
import { whoMustAgree } from '../agreement/whoMustAgree.js';
import { turnsEighteenSoon } from '../../domain/turningEighteen.js';
import { transitionDue } from '../../domain/transitionPlan.js';

export async function caseView(
  deps: AppDeps,
  tx: StoreTx,
  person: Principal,
  caseRecord: Case,
  membership: TeamMember | null,
  service?: Service,
): Promise<CaseView> {
  const svc = service ?? (await tx.services.get(caseRecord.serviceId));
  if (!svc) throw new Error(`Service ${caseRecord.serviceId} of case ${caseRecord.reference} is missing`);
  const allowedActions = CASE_ACTIONS.filter((a) => can(person, a, caseRecord, membership));
  const sees = (a: CaseAction) => allowedActions.includes(a);
  const record = sees('case.read');

  const [agreements, formulations, meetings, placements, consultation] = await Promise.all([
    sees('agreement.read') ? tx.agreements.listForCase(caseRecord.id) : Promise.resolve(null),
    sees('formulation.read') ? tx.formulations.list(caseRecord.id) : Promise.resolve([]),
    sees('meeting.read') ? tx.meetings.list(caseRecord.id) : Promise.resolve([]),
    sees('trm.read') ? tx.trm.list(caseRecord.id) : Promise.resolve([]),
    sees('consultation.read') ? consultationView(tx, caseRecord) : Promise.resolve(null),
  ]);
  const latestTrm = inPlacementOrder(placements).pop() ?? null;
  const planned = sees('transition.read') ? (await tx.transitionPlans.get(caseRecord.id)) !== null : null;

  return {
    id: caseRecord.id,
    reference: caseRecord.reference,
    serviceId: caseRecord.serviceId,
    serviceName: svc.name,
    child: record && isIdentified(caseRecord) ? { name: caseRecord.childName, dateOfBirth: caseRecord.childDateOfBirth } : null,
    pathway: record ? caseRecord.pathway : null,
    status: caseRecord.status,
    orderStart: record ? caseRecord.orderStart : null,
    orderEnd: record ? caseRecord.orderEnd : null,
    referralReason: sees('agreement.read') ? caseRecord.referralReason : null,
    lawfulBasis: record ? caseRecord.lawfulBasis : null,
    referredAt: record ? caseRecord.referredAt : null,
    referredBy: record ? caseRecord.referredBy : null,
    caseHolderId: record ? caseRecord.caseHolderId : null,
    closureReason: record ? caseRecord.closureReason : null,
    closureNote: sees('agreement.read') ? caseRecord.closureNote : null,
    closedAt: record ? caseRecord.closedAt : null,
    retainUntil: record ? retainUntil(caseRecord, svc.settings.retention) : null,
    agreement: agreements ? agreementState(agreements) : null,
    legalStatus: agreements ? caseRecord.legalStatus : null,
    parentalResponsibility: agreements ? caseRecord.parentalResponsibility : null,
    turnsEighteenOn:
      record && caseRecord.status !== 'closed' && caseRecord.childDateOfBirth !== null
        ? turnsEighteenSoon(caseRecord.childDateOfBirth, todayIn(deps.clock))
        : null,
    movingOn:
      planned !== null
        ? {
            due: caseRecord.status !== 'closed' && caseRecord.childDateOfBirth !== null && transitionDue(caseRecord.childDateOfBirth, todayIn(deps.clock)),
            planned,
          }
        : null,
    agreementNeeds: agreements && isIdentified(caseRecord) ? whoMustAgree(caseRecord, agreements, svc.settings, todayIn(deps.clock)) : null,
    review: sees('meeting.read') ? reviewStatusOf(caseRecord, formulations, meetings, svc.settings, todayIn(deps.clock)) : null,
    trm: latestTrm ? { level: latestTrm.level, label: trmLabel(svc.settings, latestTrm.level), effectiveDate: latestTrm.effectiveDate } : null,
    membership: membership
      ? { caseRole: membership.caseRole, termsAcceptedAt: membership.termsAcceptedAt, invitationExpiresAt: membership.invitationExpiresAt }
      : null,
    // Only while there are terms still to accept: accepting again is allowed (and answered "already
    // accepted"), so the policy alone would offer the terms to everyone who has accepted them.
    terms: membership && mustAcceptTerms(membership) && sees('terms.accept') ? { version: TERMS_VERSION, text: INFORMATION_SHARING_TERMS } : null,
    consultation,
    allowedActions,
    version: caseRecord.version,
  };
}
