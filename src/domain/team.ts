import { z } from 'zod';
import type { Instant } from './dates.js';
import { AGENCIES, type Agency, staffIdSchema } from './staff.js';

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
export type InvitationInput = z.infer<typeof invitationSchema>;

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
