import { defaultSettings, type Service } from '../domain/service.js';
import type { Staff } from '../domain/staff.js';

/**
 * FICTIONAL DEMO DATA. The services are the four real Avon and Somerset Youth Justice Services, so
 * the demo looks like the first deployment; every person here is invented.
 */
export const DEMO_SERVICES: Service[] = [
  { id: 'BRI', name: 'Bristol Youth Justice Service', settings: defaultSettings() },
  { id: 'NSO', name: 'North Somerset Youth Justice Service', settings: defaultSettings() },
  { id: 'SGL', name: 'South Gloucestershire Youth Justice Service', settings: defaultSettings() },
  { id: 'BNE', name: 'Bath and North East Somerset Youth Justice Service', settings: defaultSettings() },
];

const ALL = DEMO_SERVICES.map((s) => s.id);

/** Demo aad object ids follow one pattern so the Agents Playground can sign in as these people. */
const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const person = (n: number, id: string, name: string, role: Staff['role'], serviceIds: string[], agency: Staff['agency']): Staff => ({
  id,
  name,
  email: `${id}@ecm-demo.example`,
  role,
  serviceIds,
  agency,
  aadObjectId: oid(n),
});

export const DEMO_STAFF: Staff[] = [
  person(1, 'ecm-sam', 'Sam Okafor', 'ecm_practitioner', ALL, 'ecm_team'),
  person(2, 'ecm-priya', 'Priya Desai', 'ecm_practitioner', ALL, 'ecm_team'),
  person(3, 'psy-helen', 'Dr Helen Marsh', 'psychologist', ALL, 'health'),
  person(4, 'psy-tom', 'Dr Tom Reilly', 'psychologist', ALL, 'health'),
  person(5, 'yjs-amy', 'Amy Clarke', 'yjs_practitioner', ['BRI'], 'youth_justice'),
  person(6, 'yjs-dan', 'Dan Whitfield', 'yjs_practitioner', ['NSO'], 'youth_justice'),
  person(7, 'yjs-kate', 'Kate Moreno', 'yjs_practitioner', ['SGL'], 'youth_justice'),
  person(8, 'yjs-lee', 'Lee Ashworth', 'yjs_practitioner', ['BNE'], 'youth_justice'),
  person(9, 'mgr-bri', 'Grace Adeyemi', 'manager', ['BRI'], 'youth_justice'),
  person(10, 'mgr-nso', 'Martin Hale', 'manager', ['NSO'], 'youth_justice'),
  person(11, 'mgr-sgl', 'Fiona Brook', 'manager', ['SGL'], 'youth_justice'),
  person(12, 'mgr-bne', 'Owen Price', 'manager', ['BNE'], 'youth_justice'),
  person(13, 'police-jo', 'PC Jo Harris', 'partner', [], 'police'),
  person(14, 'sw-mark', 'Mark Ellison', 'partner', [], 'social_care'),
  person(15, 'school-ruth', 'Ruth Banner', 'partner', [], 'education'),
  person(16, 'health-ana', 'Ana Sousa', 'partner', [], 'health'),
  person(17, 'mentor-kai', 'Kai Robinson', 'partner', [], 'mentoring'),
  person(18, 'probation-fay', 'Fay Lindqvist', 'partner', [], 'probation'),
  person(19, 'admin-chris', 'Chris Nolan', 'administrator', [], 'youth_justice'),
  // Adult services, who join a case team when a young person moves on at 18.
  person(31, 'pa-noor', 'Noor Haddad', 'partner', [], 'personal_adviser'),
  person(32, 'amh-rae', 'Rae Whitlock', 'partner', [], 'adult_mental_health'),
  person(33, 'asc-ben', 'Ben Osei', 'partner', [], 'adult_social_care'),
];
