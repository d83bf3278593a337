import type { InvitationView } from '../../contract/views.js';
import { notFound, ruleViolation } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { mustAcceptTerms, INFORMATION_SHARING_TERMS, invitationExpired, TERMS_VERSION } from '../../domain/team.js';
import { AccessRefused, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

export async function showInvitation(deps: AppDeps, person: Principal, caseId: string, meetingId: string): Promise<InvitationView> {
  return inTransaction(deps, person, async (w) => {
    let reach;
    try {
      reach = await caseFor(w.tx, person, caseId, 'meeting.read');
    } catch (error) {
      if (!(error instanceof AccessRefused) || error.code !== 'terms_required') throw error;
      reach = await caseFor(w.tx, person, caseId, 'terms.accept');
    }
    const { case: c, membership } = reach;
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    const me = meeting.attendees.find((a) => a.staffId === person.staffId);
    if (!me || !membership) throw ruleViolation('You are not invited to this meeting.');
    const organiser = await w.tx.staff.get(meeting.organiserId);
    await w.audit({ action: 'invitation.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId } });
    const awaitingTerms = mustAcceptTerms(membership);
    return {
      caseId: c.id,
      reference: c.reference,
      meeting: {
        id: meeting.id,
        kind: meeting.kind,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        location: meeting.location,
        joinUrl: meeting.joinUrl,
        status: meeting.status,
      },
      organiserName: organiser?.name ?? 'the ECM team',
      response: me.response,
      caseRole: membership.caseRole,
      invitationExpiresAt: membership.invitationExpiresAt,
      terms: awaitingTerms ? { version: TERMS_VERSION, text: INFORMATION_SHARING_TERMS } : null,
      termsAcceptedAt: membership.termsAcceptedAt,
      invitationExpired: awaitingTerms && invitationExpired(membership, w.now),
    };
  });
}
