import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, label, LEGAL_STATUS_LABELS, STATUS_LABELS } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { Agreements } from './Agreements.js';
import { CaseDocuments } from './CaseDocuments.js';
import type { CaseProps } from './caseProps.js';
import { CaseTeam } from './CaseTeam.js';
import { etagOf } from '../api/client.js';
import { LegalStatusForm } from './LegalStatusForm.js';
import { ConsultationSection } from '../consultation/ConsultationSection.js';
import { TransferForm } from './TransferForm.js';

/** The decision form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))', gap: tokens.spacingHorizontalXL },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
});

const PATHWAYS: Record<string, string> = { statutory_ecm: 'Statutory ECM', consultation: 'Case consultation' };

/** The referral, agreement to take part (kept apart from the lawful basis), the case team and the case's documents. */
export function Overview({ view: c, etag, reload }: CaseProps) {
  const s = useStyles();
  const can = (a: string) => c.allowedActions.includes(a as never);
  // Documents land and people become unreachable while the page is open: the live feed says when.
  const [live, setLive] = useState({ documents: 0, reach: 0 });
  useCaseEvents(c.id, (e) => {
    if (e.type === 'document.queued' || e.type === 'document.delivered') setLive((l) => ({ ...l, documents: l.documents + 1 }));
    if (e.type === 'team.unreachable') setLive((l) => ({ ...l, reach: l.reach + 1 }));
  });
  return (
    <div className={s.grid}>
      <section aria-labelledby="referral-h">
        <h2 id="referral-h">Referral</h2>
        <dl className={s.dl}>
          <dt>Reference</dt>
          <dd>{c.reference}</dd>
          <dt>Service</dt>
          <dd>{c.serviceName}</dd>
          <dt>Date of birth</dt>
          <dd>{c.child ? formatDate(c.child.dateOfBirth) : c.consultation ? 'Not shared: a consultation on initials and age' : '—'}</dd>
          {c.turnsEighteenOn ? (
            <>
              <dt>Turns 18</dt>
              <dd>
                <strong>{formatDate(c.turnsEighteenOn)}</strong>: within six months. Plan the move to adult services.
              </dd>
            </>
          ) : null}
          <dt>Pathway</dt>
          <dd>{label(PATHWAYS, c.pathway)}</dd>
          <dt>Status</dt>
          <dd>{label(STATUS_LABELS, c.status)}</dd>
          <dt>Order</dt>
          <dd>{c.orderStart ? `${formatDate(c.orderStart)} to ${formatDate(c.orderEnd)}` : 'No statutory order'}</dd>
          <dt>Referred</dt>
          <dd>{formatDate(c.referredAt)}</dd>
          {c.legalStatus ? (
            <>
              <dt>Legal status</dt>
              <dd>{label(LEGAL_STATUS_LABELS, c.legalStatus)}</dd>
              <dt>Parental responsibility</dt>
              <dd>{c.parentalResponsibility ?? 'Not recorded'}</dd>
            </>
          ) : null}
          <dt>Lawful basis</dt>
          <dd>{c.lawfulBasis === 'public_task' ? 'Public task' : 'Legal obligation'}</dd>
        </dl>
        {c.referralReason ? <p>{c.referralReason}</p> : null}
        {can('case.legalStatus') && c.legalStatus && c.child && c.status !== 'closed' ? (
          <LegalStatusForm
            key={c.version}
            caseId={c.id}
            legalStatus={c.legalStatus}
            parentalResponsibility={c.parentalResponsibility}
            etag={etag ?? etagOf(c.version)}
            onChanged={reload}
          />
        ) : null}
        {can('case.transfer') && c.status !== 'closed' ? (
          <TransferForm caseId={c.id} reference={c.reference} serviceName={c.serviceName} etag={etag ?? etagOf(c.version)} onChanged={reload} />
        ) : null}
      </section>
      {c.consultation ? <ConsultationSection view={c} consultation={c.consultation} etag={etag} reload={reload} /> : null}
      {can('agreement.read') && c.child ? <Agreements caseId={c.id} canRecord={can('agreement.record')} onChanged={reload} /> : null}
      {can('team.read') ? <CaseTeam caseId={c.id} serviceId={c.serviceId} canInvite={can('team.invite')} refresh={live.reach} /> : null}
      {can('documents.read') ? <CaseDocuments caseId={c.id} refresh={live.documents} /> : null}
    </div>
  );
}
