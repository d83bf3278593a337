import type { CaseView } from '../../contract/views.js';
import { agreementState } from '../../domain/agreement.js';
import type { Case } from '../../domain/case.js';
import { CASE_ACTIONS, type CaseAction } from '../../domain/policy.js';
import { retainUntil } from '../../domain/retention.js';
import { type Service, trmLabel } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { INFORMATION_SHARING_TERMS, type TeamMember, TERMS_VERSION } from '../../domain/team.js';
import { inPlacementOrder } from '../../domain/trm.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { can } from '../access.js';
import type { AppDeps } from '../deps.js';
import { reviewStatusOf } from '../meetings/reviewStatusOf.js';

export async function caseView(deps: AppDeps, tx: StoreTx, p: Principal, c: Case, membership: TeamMember | null, service?: Service): Promise<CaseView> {
  const svc = service ?? (await tx.services.get(c.serviceId));
  if (!svc) throw new Error(`Service ${c.serviceId} of case ${c.reference} is missing`);
  const allowedActions = CASE_ACTIONS.filter((a) => can(p, a, c, membership));
  const sees = (a: CaseAction) => allowedActions.includes(a);
  const record = sees('case.read');

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
    child: record ? { name: c.childName, dateOfBirth: c.childDateOfBirth } : null,
    pathway: record ? c.pathway : null,
    status: c.status,
    orderStart: record ? c.orderStart : null,
    orderEnd: record ? c.orderEnd : null,
    referralReason: sees('agreement.read') ? c.referralReason : null,
    lawfulBasis: record ? c.lawfulBasis : null,
    referredAt: record ? c.referredAt : null,
    referredBy: record ? c.referredBy : null,
    caseHolderId: record ? c.caseHolderId : null,
    closureReason: record ? c.closureReason : null,
    closureNote: sees('agreement.read') ? c.closureNote : null,
    closedAt: record ? c.closedAt : null,
    retainUntil: record ? retainUntil(c, svc.settings.retention) : null,
    agreement: agreements ? agreementState(agreements) : null,
    review: sees('meeting.read') ? reviewStatusOf(c, formulations, meetings, svc.settings, todayIn(deps.clock)) : null,
    trm: latestTrm ? { level: latestTrm.level, label: trmLabel(svc.settings, latestTrm.level), effectiveDate: latestTrm.effectiveDate } : null,
    membership: membership
      ? { caseRole: membership.caseRole, termsAcceptedAt: membership.termsAcceptedAt, invitationExpiresAt: membership.invitationExpiresAt }
      : null,
    terms: sees('terms.accept') ? { version: TERMS_VERSION, text: INFORMATION_SHARING_TERMS } : null,
    allowedActions,
    version: c.version,
  };
}
