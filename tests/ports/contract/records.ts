import type { Agreement } from '../../../src/domain/agreement.js';
import type { Case } from '../../../src/domain/case.js';
import { emptyFormulation, type Formulation } from '../../../src/domain/formulation.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import { defaultSettings, type Service } from '../../../src/domain/service.js';
import type { Staff } from '../../../src/domain/staff.js';
import type { TeamMember } from '../../../src/domain/team.js';
import type { TimelineEntry } from '../../../src/domain/timeline.js';
import type { TrmPlacement } from '../../../src/domain/trm.js';
import type { Store, StoreTx } from '../../../src/ports/store.js';

/** Records as the use cases would write them, with overrides; every test starts from an empty store. */
export const AT = '2026-11-27T10:00:00.000Z';

export const service = (id: string, name = `${id} Youth Justice Service`): Service => ({ id, name, settings: defaultSettings() });

export const staff = (id: string, overrides: Partial<Staff> = {}): Staff => ({
  id,
  name: `Name of ${id}`,
  email: `${id}@ecm-test.example`,
  role: 'yjs_practitioner',
  serviceIds: ['BRI'],
  agency: 'youth_justice',
  aadObjectId: null,
  ...overrides,
});

export const aCase = (id: string, overrides: Partial<Case> = {}): Case => ({
  id,
  reference: `BRI-2026-${id}`,
  serviceId: 'BRI',
  childName: 'Jordan Test',
  childDateOfBirth: '2011-05-14',
  pathway: 'statutory_ecm',
  orderStart: '2026-10-01',
  orderEnd: '2027-10-01',
  status: 'active',
  referralReason: 'Violence towards peers.',
  lawfulBasis: 'public_task',
  legalStatus: 'living_with_parents',
  parentalResponsibility: null,
  referredBy: 'yjs-amy',
  referredAt: AT,
  caseHolderId: 'yjs-amy',
  closureReason: null,
  closureNote: null,
  closedAt: null,
  version: 1,
  ...overrides,
});

export const agreement = (id: string, caseId: string, overrides: Partial<Agreement> = {}): Agreement => ({
  id,
  caseId,
  seq: 1,
  party: 'young_person',
  decision: 'given',
  date: '2026-11-20',
  method: 'in_person',
  competenceNote: 'Understood what ECM involves.',
  familyInvolvement: null,
  recordedBy: 'yjs-amy',
  recordedByName: 'Amy Clarke',
  recordedAt: AT,
  ...overrides,
});

export const member = (caseId: string, staffId: string, overrides: Partial<TeamMember> = {}): TeamMember => ({
  caseId,
  staffId,
  name: `Name of ${staffId}`,
  agency: 'youth_justice',
  caseRole: 'case_holder',
  invitedBy: 'yjs-amy',
  invitedAt: AT,
  invitationExpiresAt: '2026-12-27T10:00:00.000Z',
  termsAcceptedAt: null,
  termsVersion: null,
  ...overrides,
});

export const entry = (id: string, caseId: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id,
  caseId,
  when: { precision: 'day', date: '2018-09-03' },
  span: { start: '2018-09-03', end: '2018-09-03' },
  lifeStage: 'primary',
  category: 'education',
  sourceAgency: 'education',
  confidence: 'confirmed',
  description: 'Moved primary school after the family was rehoused.',
  contributorId: 'yjs-amy',
  contributorName: 'Amy Clarke',
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  retraction: null,
  restriction: null,
  ...overrides,
});

export const formulation = (id: string, caseId: string, overrides: Partial<Formulation> = {}): Formulation => ({
  id,
  caseId,
  number: 1,
  status: 'draft',
  content: { ...emptyFormulation(), summary: 'A first summary.' },
  createdBy: 'psy-helen',
  updatedBy: 'psy-helen',
  updatedAt: AT,
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
  version: 1,
  ...overrides,
});

export const placement = (id: string, caseId: string, overrides: Partial<TrmPlacement> = {}): TrmPlacement => ({
  id,
  caseId,
  level: 2,
  rationale: 'Building trust with the key worker.',
  effectiveDate: '2026-11-20',
  meetingId: null,
  placedBy: 'psy-helen',
  placedByName: 'Dr Helen Marsh',
  placedAt: AT,
  ...overrides,
});

export const meeting = (id: string, caseId: string, overrides: Partial<Meeting> = {}): Meeting => ({
  id,
  caseId,
  kind: 'formulation',
  startsAt: '2026-12-01T10:00:00.000Z',
  endsAt: '2026-12-01T12:00:00.000Z',
  location: null,
  organiserId: 'ecm-sam',
  attendees: [
    { staffId: 'yjs-amy', name: 'Amy Clarke', response: 'none', respondedAt: null },
    { staffId: 'ecm-sam', name: 'Sam Okafor', response: 'accepted', respondedAt: AT },
  ],
  status: 'scheduled',
  joinUrl: null,
  externalId: null,
  chatId: null,
  startedAt: null,
  endedAt: null,
  outcome: null,
  version: 1,
  ...overrides,
});

/** The services every case test needs: cases refer to their service. */
export async function withServices(tx: StoreTx): Promise<void> {
  for (const id of ['BRI', 'NSO', 'SGL']) await tx.services.upsert(service(id));
}

/** Runs each piece of work in its own transaction, all at once, as concurrent requests would. */
export const concurrently = <T>(store: Store, count: number, work: (tx: StoreTx, i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: count }, (_, i) => store.transaction((tx) => work(tx, i))));

/** A promise and the function that settles it: lets one transaction wait for another. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((ok) => (open = ok));
  return { opened, open };
}

export const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));
