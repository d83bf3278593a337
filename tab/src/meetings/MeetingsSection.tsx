import { Badge, Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError, download, etagOf, get, post } from '../api/client.js';
import type { FormulationRecord, Meeting, PlanActionList, TeamMember } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { useApp } from '../context.js';
import { serverNow } from '../clock.js';
import { formatDate, formatDateTime, label, MEETING_KIND_LABELS, RESPONSE_LABELS } from '../labels.js';
import { PlanReviewed } from '../plan/PlanReviewed.js';
import { useMeetingRequest } from '../router.js';
import { HeldMeetingForm } from './HeldMeetingForm.js';
import { localInput, started, useStartOf } from './meetingTime.js';
import { MeetingNotes } from './MeetingNotes.js';
import { OutcomeForm } from './OutcomeForm.js';
import { RecordedMeasures } from './ReviewMeasures.js';
import { ScheduleForm } from './ScheduleForm.js';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const STATUS: Record<string, string> = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled' };

/** Formulation, review and consultation meetings: scheduled, answered, held with an outcome. */
export default function MeetingsSection({ view, reload }: CaseProps) {
  const s = useStyles();
  const { me } = useApp();
  const meetings = useLoad(() => get<{ items: Meeting[] }>(`/cases/${view.id}/meetings`), [view.id]);
  const team = useLoad(
    () => (view.allowedActions.includes('team.read') ? get<{ items: TeamMember[] }>(`/cases/${view.id}/team`) : Promise.resolve({ items: [] })),
    [view.id],
  );
  const formulation = useLoad(
    () => get<FormulationRecord>(`/cases/${view.id}/formulation`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    [view.id],
  );
  // A review works through the plan's open actions.
  const plan = useLoad(
    () => (view.allowedActions.includes('actions.read') ? get<PlanActionList>(`/cases/${view.id}/actions`) : Promise.resolve({ items: [], mayAssign: false })),
    [view.id],
  );
  // Answers, calendar links and Teams' start and end arrive while the page is open: the live feed says when.
  useCaseEvents(view.id, (e) => {
    if (e.type === 'meeting.scheduled' || e.type === 'meeting.updated') meetings.reload();
    if (e.type === 'action.changed') plan.reload();
  });
  // A link to `cases/{id}/meetings/{meetingId}` (the bot's card when a meeting ends) opens that meeting.
  const requested = useMeetingRequest(view.id);
  const [openId, setOpenId] = useState<string | null>(requested);
  useEffect(() => {
    if (requested) setOpenId(requested);
  }, [requested]);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState<Meeting | null>(null);
  const can = (a: string) => view.allowedActions.includes(a as never);
  const open = meetings.data?.items.find((m) => m.id === openId) ?? null;
  useStartOf(open);
  const refresh = () => {
    meetings.reload();
    reload();
  };
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      refresh();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="meetings-h">
      <h2 id="meetings-h">Meetings</h2>
      {view.review ? (
        <p>
          Next review due <strong>{formatDate(view.review.nextReviewDue)}</strong>
          {view.review.state === 'overdue' ? ' — overdue' : ''}.
        </p>
      ) : null}
      <ErrorNotice error={meetings.error ?? error} onReload={refresh} />
      {meetings.data && meetings.data.items.length === 0 ? <p>No meetings yet.</p> : null}
      {meetings.data && meetings.data.items.length > 0 ? (
        <SortableTable
          caption="Meetings"
          rows={meetings.data.items}
          rowKey={(m) => m.id}
          initialSort={{ key: 'when', direction: 'descending' }}
          columns={[
            { key: 'when', label: 'When', sortValue: (m) => m.startsAt, render: (m) => formatDateTime(m.startsAt) },
            { key: 'kind', label: 'Kind', sortValue: (m) => m.kind, render: (m) => label(MEETING_KIND_LABELS, m.kind) },
            { key: 'status', label: 'Status', sortValue: (m) => m.status, render: (m) => label(STATUS, m.status) },
            {
              key: 'replies',
              label: 'Replies',
              render: (m) => `${m.attendees.filter((a) => a.response === 'accepted').length} of ${m.attendees.length} accepted`,
            },
            {
              key: 'open',
              label: 'Details',
              render: (m) => (
                <Button size="small" onClick={() => setOpenId(m.id === openId ? null : m.id)} aria-expanded={m.id === openId}>
                  {m.id === openId ? 'Hide' : 'Show'} <span style={{ position: 'absolute', left: '-10000px' }}>the {formatDateTime(m.startsAt)} meeting</span>
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {open ? (
        <div className={s.card} aria-label="Meeting details" role="region">
          <h3>
            {label(MEETING_KIND_LABELS, open.kind)}, {formatDateTime(open.startsAt)} <Badge appearance="outline">{label(STATUS, open.status)}</Badge>
          </h3>
          {open.location ? <p>Where: {open.location}</p> : null}
          {open.endedAt ? <p>Ended in Teams: {formatDateTime(open.endedAt)}</p> : null}
          {open.joinUrl ? (
            <p>
              <Link href={open.joinUrl} target="_blank" rel="noreferrer">
                Join the Teams meeting
              </Link>
            </p>
          ) : null}
          <h4>Who is coming</h4>
          <ul>
            {open.attendees.map((a) => (
              <li key={a.staffId}>
                {a.name}: {label(RESPONSE_LABELS, a.response)}
              </li>
            ))}
          </ul>
          <div className={s.row}>
            <Button onClick={() => act(() => download(`/cases/${view.id}/meetings/${open.id}/invitation.ics`, `${view.reference}-${open.kind}.ics`))}>
              Download the invitation (.ics)
            </Button>
            {open.status === 'scheduled' && can('meeting.respond') && open.attendees.some((a) => a.staffId === me.staffId)
              ? (['accepted', 'tentative', 'declined'] as const).map((r) => (
                  <Button key={r} onClick={() => act(() => post(`/cases/${view.id}/meetings/${open.id}/response`, { response: r }))}>
                    Reply: {RESPONSE_LABELS[r]}
                  </Button>
                ))
              : null}
            {open.status === 'scheduled' && can('meeting.schedule') ? <Button onClick={() => setCancelling(open)}>Cancel the meeting</Button> : null}
          </div>
          <h4>Notes</h4>
          <MeetingNotes caseId={view.id} meeting={open} mayWrite={can('meeting.recordOutcome') && view.status === 'active'} />
          {open.outcome ? (
            <>
              <h4>Outcome</h4>
              <p>{open.outcome.summary}</p>
              <PlanReviewed outcome={open.outcome} recommendations={formulation.data?.current.content.recommendations ?? []} />
              {open.outcome.replan ? <p>Re-plan: {open.outcome.replan}</p> : null}
              <p>Next review due: {formatDate(open.outcome.nextReviewDue)}</p>
              <RecordedMeasures measures={open.outcome.measures} />
            </>
          ) : open.status === 'scheduled' && can('meeting.recordOutcome') && started(open) ? (
            <OutcomeForm caseId={view.id} meeting={open} plan={plan.data?.items ?? []} team={team.data?.items ?? []} onRecorded={refresh} onReload={refresh} />
          ) : null}
        </div>
      ) : null}
      {cancelling ? (
        <ConfirmDialog
          title="Cancel this meeting?"
          confirm="Cancel the meeting"
          keep="Keep the meeting"
          onConfirm={() => act(() => post(`/cases/${view.id}/meetings/${cancelling.id}/cancellation`, undefined, etagOf(cancelling.version)))}
          onClose={() => setCancelling(null)}
        >
          The {label(MEETING_KIND_LABELS, cancelling.kind).toLowerCase()} on {formatDateTime(cancelling.startsAt)} will be cancelled, and everyone invited will
          be told. It cannot be undone: schedule a new meeting if it is needed after all.
        </ConfirmDialog>
      ) : null}
      {can('meeting.schedule') && view.status === 'active' && team.data ? (
        <ScheduleForm caseId={view.id} team={team.data.items} me={me.staffId} onScheduled={refresh} />
      ) : null}
      {can('meeting.recordOutcome') && view.status === 'active' && team.data ? (
        <HeldMeetingForm caseId={view.id} team={team.data.items} nowLocal={localInput(serverNow())} onRecorded={refresh} />
      ) : null}
    </section>
  );
}
