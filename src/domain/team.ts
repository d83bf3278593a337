import { z } from 'zod';
import type { Instant } from './dates.js';
import { ruleViolation } from './errors.js';
import { AGENCIES, type Agency, type Staff, staffIdSchema } from './staff.js';

/** Everyone around the child: the case team, and the terms a partner accepts before seeing the case. */
export const CASE_ROLES = ['case_holder', 'ecm_practitioner', 'psychologist', 'manager', 'partner'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** The version of the information-sharing and confidentiality terms in force. */
export const TERMS_VERSION = '2026-1';

export const INFORMATION_SHARING_TERMS = [
  'I will use what I learn about this young person only to help them, and share it only with the case team or as the law requires.',
  'I will contribute facts I can stand behind, say which agency holds them and how sure we are, and keep opinion for the formulation.',
  "I will keep this case's information inside ECM for Teams and not copy it to my own systems unless my agency's duties require it.",
  'I will tell the ECM team at once if I believe information has been shared with someone who should not have it.',
];

/** How long an invitation stays open before the inviter must send a new one. */
export const INVITATION_VALID_DAYS = 30;

export const invitationSchema = z.object({ staffId: staffIdSchema, agency: z.enum(AGENCIES), caseRole: z.enum(CASE_ROLES) }).strict();

export interface TeamMember {
  caseId: string;
  staffId: string;
  name: string;
  agency: Agency;
  caseRole: CaseRole;
  invitedBy: string;
  invitedAt: Instant;
  invitationExpiresAt: Instant;
  termsAcceptedAt: Instant | null;
  termsVersion: string | null;
}

/** Staff of the service are bound by their employment; people from other agencies accept the terms first. */
export const needsToAcceptTerms = (caseRole: CaseRole): boolean => caseRole === 'partner';

/**
 * Only the terms in force count: a partner agreed to what they read, so when the terms change they
 * see nothing more of the case until they accept the new ones.
 */
export const hasAcceptedCurrentTerms = (m: Pick<TeamMember, 'termsAcceptedAt' | 'termsVersion'>): boolean =>
  m.termsAcceptedAt !== null && m.termsVersion === TERMS_VERSION;

/** Whether this person must (again) accept the terms before the case opens to them. */
export const mustAcceptTerms = (m: Pick<TeamMember, 'caseRole' | 'termsAcceptedAt' | 'termsVersion'>): boolean =>
  needsToAcceptTerms(m.caseRole) && !hasAcceptedCurrentTerms(m);

/**
 * An invitation lapses only while it has not been taken up. A partner who once accepted the terms is
 * on the team; when the terms change they accept the new ones without being invited again.
 */
export const invitationExpired = (m: Pick<TeamMember, 'invitationExpiresAt' | 'termsAcceptedAt'>, now: Instant): boolean =>
  m.termsAcceptedAt === null && m.invitationExpiresAt <= now;

/** A person accepts the terms in force, and only while their invitation stands. */
export function assertMayAcceptTerms(m: Pick<TeamMember, 'invitationExpiresAt' | 'termsAcceptedAt'>, termsVersion: string, now: Instant): void {
  if (termsVersion !== TERMS_VERSION) {
    throw ruleViolation('The terms have changed since you read them; read the current terms and accept those.', { current: TERMS_VERSION });
  }
  if (invitationExpired(m, now)) throw ruleViolation('This invitation has expired; ask the ECM team to invite you again.');
}

/** An invitation can be sent again only to a partner whose earlier one lapsed untaken. */
export const mayBeInvitedAgain = (existing: Pick<TeamMember, 'caseRole' | 'invitationExpiresAt' | 'termsAcceptedAt'>, now: Instant): boolean =>
  existing.caseRole === 'partner' && invitationExpired(existing, now);

/** The part a person plays on a case follows from their role. */
const CASE_ROLE_OF_ROLE: Record<Staff['role'], CaseRole> = {
  partner: 'partner',
  psychologist: 'psychologist',
  ecm_practitioner: 'ecm_practitioner',
  manager: 'manager',
  yjs_practitioner: 'case_holder',
  administrator: 'case_holder',
};
export const caseRoleFor = (s: Pick<Staff, 'role'>): CaseRole => CASE_ROLE_OF_ROLE[s.role];

/**
 * Who may join a case team, and as what: people from partner agencies as partners; staff of the
 * case's own service in their own role; administrators, who see no case content, never.
 */
export function assertMayJoinTeam(invitee: Pick<Staff, 'role' | 'serviceIds'>, caseRole: CaseRole, caseServiceId: string): void {
  if ((caseRole === 'partner') !== (invitee.role === 'partner')) {
    throw ruleViolation('People from partner agencies join as partners; staff of the service join in their own role.');
  }
  if (invitee.role === 'administrator') throw ruleViolation('Administrators set up services and see no case content.');
  if (invitee.role !== 'partner' && !invitee.serviceIds.includes(caseServiceId)) {
    throw ruleViolation('That member of staff does not work in this case’s service; invite them as a partner if they are from another agency.');
  }
}

/** The case holder is a member of staff of the referring service. */
export function assertMayHoldCase(holder: Pick<Staff, 'role' | 'serviceIds'>, serviceId: string): void {
  if (holder.role === 'partner' || holder.role === 'administrator' || !holder.serviceIds.includes(serviceId)) {
    throw ruleViolation('The case holder must be a member of staff of the referring service.');
  }
}
