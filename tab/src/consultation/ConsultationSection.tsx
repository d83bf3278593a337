import { makeStyles, tokens } from '@fluentui/react-components';
import { etagOf } from '../api/client.js';
import type { CaseView, ConsultationView } from '../api/types.js';
import { DISPOSAL_LABELS, formatDate, label, METHOD_LABELS } from '../labels.js';
import { ConsultationMeetingForm } from './ConsultationMeetingForm.js';
import { FullCaseForm } from './FullCaseForm.js';
import { IdentifyForm } from './IdentifyForm.js';

const useStyles = makeStyles({
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
  meeting: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS, '& p': { whiteSpace: 'pre-wrap' } },
  forms: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

/**
 * The consultation record: the question, the disposal, the initials and age it is held on, the
 * family's agreement to share identifying details, and each meeting's advice. Kept on the case
 * after it becomes a full ECM case.
 */
export function ConsultationSection({
  view: c,
  consultation: k,
  etag,
  reload,
}: {
  view: CaseView;
  consultation: ConsultationView;
  etag: string | null;
  reload: () => void;
}) {
  const s = useStyles();
  const can = (a: string) => c.allowedActions.includes(a as never);
  const open = c.pathway === 'consultation' && c.status !== 'closed';
  return (
    <section aria-labelledby="consultation-h">
      <h2 id="consultation-h">{k.becameCaseAt ? 'Consultation before the order' : 'Case consultation'}</h2>
      <dl className={s.dl}>
        <dt>Disposal or stage</dt>
        <dd>{label(DISPOSAL_LABELS, k.disposal)}</dd>
        <dt>Held on</dt>
        <dd>
          {k.identifiedAt
            ? 'Identifying details, with the family’s agreement'
            : `Initials ${k.childInitials}, aged ${k.childAge}: the family has not agreed to share more`}
        </dd>
        {k.sharingAgreement ? (
          <>
            <dt>Agreed to share</dt>
            <dd>
              {k.sharingAgreement.agreedBy}, {formatDate(k.sharingAgreement.date)} ({label(METHOD_LABELS, k.sharingAgreement.method).toLowerCase()})
            </dd>
          </>
        ) : null}
        <dt>Follow up on</dt>
        <dd>{k.followUpOn ? formatDate(k.followUpOn) : 'Not set'}</dd>
        {k.becameCaseAt ? (
          <>
            <dt>Became a full case</dt>
            <dd>{formatDate(k.becameCaseAt)}</dd>
          </>
        ) : null}
      </dl>
      <h3>The question</h3>
      <p>{k.question}</p>
      <h3>Consultation meetings</h3>
      {k.meetings.length === 0 ? <p>No consultation meeting recorded yet.</p> : null}
      {k.meetings.map((m) => (
        <article key={m.id} className={s.meeting} aria-label={`Consultation meeting on ${formatDate(m.heldOn)}`}>
          <p>
            <strong>{formatDate(m.heldOn)}</strong> with {m.ecmTeam.map((p) => p.name).join(', ')}
          </p>
          <h4>Advice given</h4>
          <p>{m.advice}</p>
          <h4>Next steps agreed</h4>
          <p>{m.nextSteps}</p>
          {m.followUpOn ? <p>Follow up on {formatDate(m.followUpOn)}.</p> : null}
        </article>
      ))}
      {open ? (
        <div className={s.forms}>
          {can('consultation.advise') ? <ConsultationMeetingForm caseId={c.id} serviceId={c.serviceId} onRecorded={reload} /> : null}
          {can('consultation.record') && c.child === null ? (
            <IdentifyForm key={c.version} caseId={c.id} etag={etag ?? etagOf(c.version)} onIdentified={reload} />
          ) : null}
          {can('consultation.record') && c.child !== null ? (
            <FullCaseForm key={c.version} caseId={c.id} etag={etag ?? etagOf(c.version)} onChanged={reload} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
