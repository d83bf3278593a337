import type { ActionOwner, TeamMember } from '../api/types.js';
import { AGENCIES, AGENCY_LABELS, label } from '../labels.js';

/** An owner as a select's value: "person:<staff id>" or "agency:<agency>". */
export const ownerValue = (owner: ActionOwner): string => (owner.kind === 'person' ? `person:${owner.staffId}` : `agency:${owner.agency}`);

/** What the API is sent for a chosen owner: a person by staff id, or an agency with nobody named. */
export function ownerFields(value: string): { ownerId: string } | { ownerId: null; ownerAgency: string } {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'person' ? { ownerId: id } : { ownerId: null, ownerAgency: id };
}

/** The owners an action may have: people on the case team, or an agency while nobody there is named. */
export function OwnerOptions({ team }: { team: TeamMember[] }) {
  return (
    <>
      <optgroup label="People on the case team">
        {team.map((m) => (
          <option key={m.staffId} value={`person:${m.staffId}`}>
            {m.name} ({label(AGENCY_LABELS, m.agency)})
          </option>
        ))}
      </optgroup>
      <optgroup label="An agency">
        {AGENCIES.map((g) => (
          <option key={g} value={`agency:${g}`}>
            {label(AGENCY_LABELS, g)}
          </option>
        ))}
      </optgroup>
    </>
  );
}
