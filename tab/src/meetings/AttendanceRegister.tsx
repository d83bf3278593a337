import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, put } from '../api/client.js';
import type { AttendanceRegister as Register, Meeting } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { AGENCY_LABELS, formatDateTime, label, MEETING_KIND_LABELS } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { started } from './meetingTime.js';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

const MARKS: Record<string, string> = { '': 'Not marked yet', present: 'Present', apologies: 'Sent apologies', absent: 'Did not come' };

/** The meeting under way (or the last one begun): the one whose register the side panel takes. */
export const meetingNow = (items: Meeting[]) =>
  items.filter((m) => m.status !== 'cancelled' && started(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0] ?? null;

/**
 * Who is at the meeting, taken during it: present, apologies, or did not come — apart from who
 * replied to the invitation. Fits the 320 px side panel: one choice per person.
 */
export function AttendanceRegister({ caseId, mayTake }: { caseId: string; mayTake: boolean }) {
  const s = useStyles();
  const meetings = useLoad(() => get<{ items: Meeting[] }>(`/cases/${caseId}/meetings`), [caseId]);
  const meeting = meetings.data ? meetingNow(meetings.data.items) : null;
  const register = useLoad(
    () => (meeting ? get<Register>(`/cases/${caseId}/meetings/${meeting.id}/attendance`) : Promise.resolve(null)),
    [caseId, meeting?.id],
  );
  useCaseEvents(caseId, (e) => {
    if (e.type !== 'meeting.scheduled' && e.type !== 'meeting.updated') return;
    meetings.reload();
    register.reload();
  });
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  if (!meeting) return meetings.data ? <p>No meeting of this case has started yet.</p> : null;
  const r = register.data;
  const markOf = (staffId: string) => changes[staffId] ?? r?.marks.find((m) => m.staffId === staffId)?.mark ?? '';
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const marks = Object.entries(changes)
      .filter(([, mark]) => mark)
      .map(([staffId, mark]) => ({ staffId, mark }));
    if (marks.length === 0) return;
    try {
      register.set(await put<Register>(`/cases/${caseId}/meetings/${meeting.id}/attendance`, { marks }, null));
      setChanges({});
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className={s.form} onSubmit={save} aria-label="Attendance register">
      <p>
        {label(MEETING_KIND_LABELS, meeting.kind)}, {formatDateTime(meeting.startsAt)}
      </p>
      <ErrorNotice error={register.error ?? error} onReload={register.reload} />
      {r?.people.map((p) => (
        <Field key={p.staffId} label={`${p.name} (${label(AGENCY_LABELS, p.agency)}${p.invited ? '' : ', not invited'})`}>
          <Select disabled={!mayTake} value={markOf(p.staffId)} onChange={(_, d) => setChanges({ ...changes, [p.staffId]: d.value })}>
            {Object.entries(MARKS).map(([k, l]) => (
              <option key={k} value={k} disabled={k === ''}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <p role="status">
        Agencies represented: {r && r.agencies.length ? r.agencies.map((a) => label(AGENCY_LABELS, a)).join(', ') : 'none marked present yet'}
      </p>
      {mayTake ? (
        <div>
          <Button appearance="primary" type="submit">
            Save the register
          </Button>
        </div>
      ) : null}
    </form>
  );
}
