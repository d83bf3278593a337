import { z } from 'zod';

/** The roles of DESIGN.md §2. A member of staff holds one role. */
export const ROLES = ['ecm_practitioner', 'psychologist', 'yjs_practitioner', 'manager', 'partner', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Who an entry or a team member speaks for. */
export const AGENCIES = [
  'youth_justice',
  'ecm_team',
  'social_care',
  'education',
  'police',
  'health',
  'mentoring',
  'youth_club',
  'probation',
  'personal_adviser',
  'adult_mental_health',
  'adult_social_care',
  'young_person_or_family',
  'other',
] as const;
export type Agency = (typeof AGENCIES)[number];

export const staffIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'is not a staff id');

export interface Staff {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Services (YJS) this person works in or serves. Partners hold none: they reach cases by invitation. */
  serviceIds: string[];
  agency: Agency;
  /** Entra ID object id, when known: links Teams and Graph identities to this record. */
  aadObjectId: string | null;
}

/**
 * Staff records made on first sign-in in Microsoft 365 mode are named by Entra object id; people
 * found in the directory who have never signed in carry the same id until they do.
 */
export const directoryStaffId = (aadObjectId: string): string => `aad-${aadObjectId}`;
const DIRECTORY_STAFF_ID = /^aad-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The Entra object id a directory staff id names, or null for any other id. */
export const aadObjectIdOfStaffId = (staffId: string): string | null => DIRECTORY_STAFF_ID.exec(staffId)?.[1] ?? null;

/** The person making a request, as the access policy sees them. */
export interface Principal {
  staffId: string;
  name: string;
  role: Role;
  serviceIds: string[];
  agency: Agency;
}

export const principalOf = (s: Staff): Principal => ({
  staffId: s.id,
  name: s.name,
  role: s.role,
  serviceIds: s.serviceIds,
  agency: s.agency,
});
