import type { Meeting } from '../domain/meeting.js';
import type { TrmMovement } from '../domain/trm.js';
import { AGENCY_LABELS, CASE_ROLE_LABELS } from '../contract/words.js';
import type { CaseDossier } from './dossier.js';

/** Moving down is a setback, said plainly, never a failure. */
export const trmMovementWords = (m: TrmMovement): string =>
  ({ first: 'First placement', up: 'Moved up', same: 'Stayed at this level', setback: 'Setback: moved down' })[m];

export interface Participant {
  name: string;
  agency: string;
  part: string;
  attended: string;
}

/** The case team, and anyone else at the meeting, with whether each was there. */
export function participants(d: CaseDossier, meeting: Meeting | null): Participant[] {
  const attended = (staffId: string) => {
    if (!meeting) return '—';
    const a = meeting.attendees.find((x) => x.staffId === staffId);
    return a ? (a.response === 'declined' ? 'Invited, declined' : 'Yes') : 'No';
  };
  const team = d.team.map((m) => ({ name: m.name, agency: AGENCY_LABELS[m.agency], part: CASE_ROLE_LABELS[m.caseRole], attended: attended(m.staffId) }));
  const others = (meeting?.attendees ?? [])
    .filter((a) => !d.team.some((m) => m.staffId === a.staffId))
    .map((a) => ({ name: a.name, agency: '—', part: 'Meeting attendee', attended: attended(a.staffId) }));
  return [...team, ...others];
}
