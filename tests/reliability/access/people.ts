import type { Staff } from '../../../src/domain/staff.js';
import type { Subject } from './intent.js';

/**
 * The people the access matrix asks as: every demo role in its own service and another, on and off
 * the case team, partners not invited, invited, and after accepting the terms.
 */
export type Person = Subject & { agency: Staff['agency'] };

/** People the demo lacks: staff who serve one service only, and a second Bristol YJS practitioner. */
export const EXTRA_STAFF: Staff[] = [
  {
    id: 'ecm-bri-only',
    name: 'Test ECM Bristol',
    email: 'ecm-bri-only@ecm-demo.example',
    role: 'ecm_practitioner',
    serviceIds: ['BRI'],
    agency: 'ecm_team',
    aadObjectId: null,
  },
  {
    id: 'ecm-nso-only',
    name: 'Test ECM North Somerset',
    email: 'ecm-nso-only@ecm-demo.example',
    role: 'ecm_practitioner',
    serviceIds: ['NSO'],
    agency: 'ecm_team',
    aadObjectId: null,
  },
  {
    id: 'psy-nso-only',
    name: 'Test Psychologist NSO',
    email: 'psy-nso-only@ecm-demo.example',
    role: 'psychologist',
    serviceIds: ['NSO'],
    agency: 'health',
    aadObjectId: null,
  },
  {
    id: 'yjs-bri-two',
    name: 'Test YJS Bristol',
    email: 'yjs-bri-two@ecm-demo.example',
    role: 'yjs_practitioner',
    serviceIds: ['BRI'],
    agency: 'youth_justice',
    aadObjectId: null,
  },
  // An administrator whose staff record names Bristol: they answer a request for a child's record there.
  {
    id: 'admin-bri-only',
    name: 'Test Administrator Bristol',
    email: 'admin-bri-only@ecm-demo.example',
    role: 'administrator',
    serviceIds: ['BRI'],
    agency: 'youth_justice',
    aadObjectId: null,
  },
];

const ALL = ['BRI', 'NSO', 'SGL', 'BNE'];
export const SUBJECTS: Person[] = [
  {
    label: 'ECM practitioner serving the service, on the team',
    staffId: 'ecm-sam',
    role: 'ecm_practitioner',
    services: ALL,
    team: 'member',
    agency: 'ecm_team',
  },
  {
    label: 'ECM practitioner serving the service, off the team',
    staffId: 'ecm-bri-only',
    role: 'ecm_practitioner',
    services: ['BRI'],
    team: 'none',
    agency: 'ecm_team',
  },
  { label: 'ECM practitioner of another service', staffId: 'ecm-nso-only', role: 'ecm_practitioner', services: ['NSO'], team: 'none', agency: 'ecm_team' },
  { label: 'psychologist serving the service, on the team', staffId: 'psy-tom', role: 'psychologist', services: ALL, team: 'member', agency: 'health' },
  { label: 'psychologist of another service', staffId: 'psy-nso-only', role: 'psychologist', services: ['NSO'], team: 'none', agency: 'health' },
  { label: 'YJS practitioner holding the case', staffId: 'yjs-amy', role: 'yjs_practitioner', services: ['BRI'], team: 'member', agency: 'youth_justice' },
  {
    label: 'YJS practitioner of the service, off the team',
    staffId: 'yjs-bri-two',
    role: 'yjs_practitioner',
    services: ['BRI'],
    team: 'none',
    agency: 'youth_justice',
  },
  { label: 'YJS practitioner of another service', staffId: 'yjs-dan', role: 'yjs_practitioner', services: ['NSO'], team: 'none', agency: 'youth_justice' },
  { label: 'manager of the service, on the team', staffId: 'mgr-bri', role: 'manager', services: ['BRI'], team: 'member', agency: 'youth_justice' },
  { label: 'manager of another service', staffId: 'mgr-nso', role: 'manager', services: ['NSO'], team: 'none', agency: 'youth_justice' },
  { label: 'partner not invited', staffId: 'school-ruth', role: 'partner', services: [], team: 'none', agency: 'education' },
  { label: 'partner invited, terms not yet accepted', staffId: 'sw-mark', role: 'partner', services: [], team: 'invited', agency: 'social_care' },
  { label: 'partner who accepted the terms', staffId: 'police-jo', role: 'partner', services: [], team: 'accepted', agency: 'police' },
  { label: "partner on another service's case only", staffId: 'probation-fay', role: 'partner', services: [], team: 'none', agency: 'probation' },
  { label: 'administrator', staffId: 'admin-chris', role: 'administrator', services: [], team: 'none', agency: 'youth_justice' },
  { label: 'administrator of the service', staffId: 'admin-bri-only', role: 'administrator', services: ['BRI'], team: 'none', agency: 'youth_justice' },
];
