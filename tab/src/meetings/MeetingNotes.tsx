import { Button, Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { Meeting, MeetingNote } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom, overLimit } from '../common/fieldProblems.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { formatDateTime, label, MEETING_KIND_LABELS } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { meetingNow } from './AttendanceRegister.js';
import { started } from './meetingTime.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS: Record<string, string> = { kind: 'Kind of note', text: 'Note' };
const KINDS: Record<string, string> = { decision: 'Decision', agreed_action: 'Agreed action', note: 'Other fact' };
/** As the server's rule (src/domain/meetingNote.ts): the form says so before sending. */
const MAX = 1000;

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '44rem', minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  by: { color: tokens.colorNeutralForeground2 },
});

/**
 * A meeting's short factual notes — decisions and agreed actions — and, for those who record its
 * outcome, a form to add one once it has started. Fits the 320 px side panel.
 */
export function MeetingNotes({ caseId, meeting, mayWrite }: { caseId: string; meeting: Meeting; mayWrite: boolean }) {
  const s = useStyles();
  const notes = useLoad(() => get<{ items: MeetingNote[] }>(`/cases/${caseId}/meetings/${meeting.id}/notes`), [caseId, meeting.id]);
  useCaseEvents(caseId, (e) => {
    if (e.type === 'meeting.updated') notes.reload();
  });
  const [kind, setKind] = useState('decision');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const writable = mayWrite && meeting.status !== 'cancelled' && (meeting.status === 'held' || started(meeting));
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (overLimit(text, MAX)) return;
    try {
      const added = await once.submit((key) => post<MeetingNote>(`/cases/${caseId}/meetings/${meeting.id}/notes`, { kind, text }, null, key));
      if (added) notes.set({ items: [...(notes.data?.items ?? []).filter((n) => n.id !== added.id), added] });
      setText('');
    } catch (err) {
      setError(err);
    }
  };
  const items = notes.data?.items ?? [];
  return (
    <div className={s.box}>
      <ErrorNotice error={notes.error} onReload={notes.reload} />
      {notes.data ? (
        items.length ? (
          <ul className={s.list} aria-label={`Notes of the ${label(MEETING_KIND_LABELS, meeting.kind).toLowerCase()}`}>
            {items.map((n) => (
              <li key={n.id}>
                <strong>{label(KINDS, n.kind)}:</strong> {n.text}{' '}
                <span className={s.by}>
                  ({n.writtenByName}, {formatDateTime(n.writtenAt)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No notes of this meeting yet.</p>
        )
      ) : null}
      {writable ? (
        <form className={s.box} onSubmit={add} aria-label="Add a note of the meeting">
          <Field label={LABELS.kind} {...fieldProps(error, 'kind')}>
            <Select value={kind} onChange={(_, d) => setKind(d.value)}>
              {Object.entries(KINDS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={LABELS.text} required {...fieldProps(error, 'text', { text, max: MAX, hint: 'One fact, as agreed in the meeting.' })}>
            <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={2} resize="vertical" />
          </Field>
          <ErrorNotice error={error} labels={labelsFrom(LABELS)} />
          <div>
            <Button type="submit" appearance="primary" disabled={once.busy || overLimit(text, MAX)}>
              Add the note
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** In the side panel: the notes of the meeting under way (or the last one begun). */
export function NotesOfMeetingNow({ caseId, mayWrite }: { caseId: string; mayWrite: boolean }) {
  const meetings = useLoad(() => get<{ items: Meeting[] }>(`/cases/${caseId}/meetings`), [caseId]);
  useCaseEvents(caseId, (e) => {
    if (e.type === 'meeting.scheduled' || e.type === 'meeting.updated') meetings.reload();
  });
  const meeting = meetings.data ? meetingNow(meetings.data.items) : null;
  if (!meeting) return meetings.data ? <p>No meeting of this case has started yet.</p> : <ErrorNotice error={meetings.error} onReload={meetings.reload} />;
  return (
    <>
      <p>
        {label(MEETING_KIND_LABELS, meeting.kind)}, {formatDateTime(meeting.startsAt)}
      </p>
      <MeetingNotes caseId={caseId} meeting={meeting} mayWrite={mayWrite} />
    </>
  );
}
