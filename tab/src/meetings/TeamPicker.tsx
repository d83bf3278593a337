import { Checkbox } from '@fluentui/react-components';
import type { TeamMember } from '../api/types.js';

/** Who from the case team a meeting is for: the same boxes when scheduling one and when recording one held. */
export function TeamPicker({ legend, team, chosen, onChange }: { legend: string; team: TeamMember[]; chosen: string[]; onChange: (chosen: string[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {team.map((m) => (
        <Checkbox
          key={m.staffId}
          label={m.name}
          checked={chosen.includes(m.staffId)}
          onChange={(_, d) => onChange(d.checked ? [...chosen, m.staffId] : chosen.filter((x) => x !== m.staffId))}
        />
      ))}
    </fieldset>
  );
}
