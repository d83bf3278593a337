import { agreementState, type AgreementState } from '../domain/agreement.js';
import type { Case } from '../domain/case.js';
import { CASE_ACTIONS, type CaseAction } from '../domain/policy.js';
import { retainUntil } from '../domain/retention.js';
import type { ReviewStatus } from '../domain/reviewCadence.js';
import { type Service, trmLabel } from '../domain/service.js';
import type { Principal } from '../domain/staff.js';
import { mustAcceptTerms, INFORMATION_SHARING_TERMS, type TeamMember, TERMS_VERSION } from '../domain/team.js';
import { inPlacementOrder } from '../domain/trm.js';
import { todayIn } from '../ports/clock.js';
import type { StoreTx } from '../ports/store.js';
import { can } from './access.js';
import type { AppDeps } from './deps.js';
import { reviewStatusOf } from './reviewStatusOf.js';

/** A case as the tab shows it to one person: with what they may do on it. */
export interface CaseView {
  id: string;
  reference: string;
  serviceId: string;
  serviceName: string;
  /** Null for a partner who has not yet accepted the terms: they see the reference only. */
  child: { name: string; dateOfBirth: string } | null;
  pathway: Case['pathway'];
  status: Case['status'];
  orderStart: string | null;
  orderEnd: string | null;
  referralReason: string | null;
  lawfulBasis: Case['lawfulBasis'];
  referredAt: string;
  referredBy: string;
  caseHolderId: string;
  closureReason: Case['closureReason'];
  closureNote: string | null;
  closedAt: string | null;
  /** The last day the case is kept after closure (the service's retention by pathway); null while open. */
  retainUntil: string | null;
  agreement: AgreementState | null;
  review: ReviewStatus | null;
  trm: { level: number; label: string; effectiveDate: string } | null;
  membership: { caseRole: TeamMember['caseRole']; termsAcceptedAt: string | null; invitationExpiresAt: string } | null;
  /** Shown when the person must accept the terms before seeing the case. */
  terms: { version: string; text: string[] } | null;
  allowedActions: CaseAction[];
  version: number;
}

export async function caseView(deps: AppDeps, tx: StoreTx, p: Principal, c: Case, membership: TeamMember | null, service?: Service): Promise<CaseView> {
  const svc = service ?? (await tx.services.get(c.serviceId));
  if (!svc) throw new Error(`Service ${c.serviceId} of case ${c.reference} is missing`);
  const allowedActions = CASE_ACTIONS.filter((a) => can(p, a, c, membership));
  const sees = (a: CaseAction) => allowedActions.includes(a);
  const awaitingTerms = membership !== null && mustAcceptTerms(membership);

  const [agreements, formulations, meetings, placements] = await Promise.all([
    sees('agreement.read') ? tx.agreements.listForCase(c.id) : Promise.resolve(null),
    sees('formulation.read') ? tx.formulations.list(c.id) : Promise.resolve([]),
    sees('meeting.read') ? tx.meetings.list(c.id) : Promise.resolve([]),
    sees('trm.read') ? tx.trm.list(c.id) : Promise.resolve([]),
  ]);
  const latestTrm = inPlacementOrder(placements).pop() ?? null;

  return {
    id: c.id,
    reference: c.reference,
    serviceId: c.serviceId,
    serviceName: svc.name,
    child: sees('case.read') ? { name: c.childName, dateOfBirth: c.childDateOfBirth } : null,
    pathway: c.pathway,
    status: c.status,
    orderStart: sees('case.read') ? c.orderStart : null,
    orderEnd: sees('case.read') ? c.orderEnd : null,
    referralReason: sees('agreement.read') ? c.referralReason : null,
    lawfulBasis: c.lawfulBasis,
    referredAt: c.referredAt,
    referredBy: c.referredBy,
    caseHolderId: c.caseHolderId,
    closureReason: c.closureReason,
    closureNote: sees('agreement.read') ? c.closureNote : null,
    closedAt: c.closedAt,
    retainUntil: retainUntil(c, svc.settings.retention),
    agreement: agreements ? agreementState(agreements) : null,
    review: sees('meeting.read') ? reviewStatusOf(c, formulations, meetings, svc.settings, todayIn(deps.clock)) : null,
    trm: latestTrm ? { level: latestTrm.level, label: trmLabel(svc.settings, latestTrm.level), effectiveDate: latestTrm.effectiveDate } : null,
    membership: membership
      ? { caseRole: membership.caseRole, termsAcceptedAt: membership.termsAcceptedAt, invitationExpiresAt: membership.invitationExpiresAt }
      : null,
    terms: awaitingTerms ? { version: TERMS_VERSION, text: INFORMATION_SHARING_TERMS } : null,
    allowedActions,
    version: c.version,
  };
}
