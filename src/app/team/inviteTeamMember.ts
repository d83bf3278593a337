import { assertOpenForWork } from '../../domain/case.js';
import { DomainError } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { assertMayJoinTeam, invitationSchema, mayBeInvitedAgain, type TeamMember } from '../../domain/team.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { directoryEntryFor, newMember, staffOrNewPartner } from './staffing.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Brings someone onto the case team. A partner from another agency sees nothing of the case until
 * they accept the information-sharing terms; an expired invitation can be sent again. Someone from
 * the directory who has never signed in (a professional from another agency, say) joins as a partner.
 */
export async function inviteTeamMember(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<TeamMember> {
  const data = parseInput(invitationSchema, input, 'The invitation');
  const fromDirectory = await directoryEntryFor(deps.directory, data.staffId);
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'team.invite');
    assertOpenForWork(c);
    const invitee = await staffOrNewPartner(w, data.staffId, fromDirectory, data.agency);
    assertMayJoinTeam(invitee, data.caseRole, c.serviceId);
    const existing = await w.tx.team.get(c.id, invitee.id);
    if (existing && !mayBeInvitedAgain(existing, w.now)) {
      throw new DomainError('conflict', `${invitee.name} is already on the case team.`);
    }
    const member: TeamMember = { ...newMember(invitee, c.id, data.caseRole, person.staffId, w.now), agency: data.agency };
    await w.tx.team.upsert(member);
    await w.audit({
      action: existing ? 'team.reinvited' : 'team.invited',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, staffId: invitee.id, caseRole: data.caseRole },
    });
    await w.emit({ caseId: c.id, type: 'team.changed', data: member });
    await queueNotification(
      w,
      invitee.id,
      { kind: 'team.invited', caseId: c.id, staffId: invitee.id },
      `team-invited:${c.id}:${member.invitedAt}`,
      c.serviceId,
    );
    return member;
  });
}
