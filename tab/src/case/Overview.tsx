import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { Agreement } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useDraft } from '../common/drafts.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { AGREEMENT_LABELS, formatDate, label, STATUS_LABELS } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { CaseDocuments } from './CaseDocuments.js';
import type { CaseProps } from './caseProps.js';
import { CaseTeam } from './CaseTeam.js';

/** The decision form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const AGREEMENT_FIELDS = {
  party: 'Who',
  decision: 'Decision',
  date: 'Date',
  method: 'How',
  competenceNote: "Your view of the young person's competence to agree (Gillick)",
};

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))', gap: tokens.spacingHorizontalXL },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
});

const PATHWAYS: Record<string, string> = { statutory_ecm: 'Statutory ECM', consultation: 'Case consultation' };

/** The referral, agreement to take part (kept apart from the lawful basis), the case team and the case's documents. */
export function Overview({ view: c, reload }: CaseProps) {
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
          <dd>{formatDate(c.child?.dateOfBirth)}</dd>
          <dt>Pathway</dt>
          <dd>{label(PATHWAYS, c.pathway)}</dd>
          <dt>Status</dt>
          <dd>{label(STATUS_LABELS, c.status)}</dd>
          <dt>Order</dt>
          <dd>{c.orderStart ? `${formatDate(c.orderStart)} to ${formatDate(c.orderEnd)}` : 'No statutory order'}</dd>
          <dt>Referred</dt>
          <dd>{formatDate(c.referredAt)}</dd>
          <dt>Lawful basis</dt>
          <dd>{c.lawfulBasis === 'public_task' ? 'Public task' : 'Legal obligation'}</dd>
        </dl>
        {c.referralReason ? <p>{c.referralReason}</p> : null}
      </section>
      {can('agreement.read') ? <Agreements caseId={c.id} canRecord={can('agreement.record')} onChanged={reload} /> : null}
      {can('team.read') ? <CaseTeam caseId={c.id} serviceId={c.serviceId} canInvite={can('team.invite')} refresh={live.reach} /> : null}
      {can('documents.read') ? <CaseDocuments caseId={c.id} refresh={live.documents} /> : null}
    </div>
  );
}

function Agreements({ caseId, canRecord, onChanged }: { caseId: string; canRecord: boolean; onChanged: () => void }) {
  const s = useStyles();
  const { today } = useApp();
  const list = useLoad(() => get<{ state: Record<string, string>; history: Agreement[] }>(`/cases/${caseId}/agreements`), [caseId]);
  const draft = useDraft(`agreement:${caseId}`, () => ({ party: 'young_person', decision: 'given', date: today, method: 'in_person', competenceNote: '' }));
  const v = draft.value;
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit(async (key) => {
        const decision = { party: v.party, decision: v.decision, date: v.date, method: v.method };
        await post(`/cases/${caseId}/agreements`, { ...decision, ...(v.competenceNote.trim() ? { competenceNote: v.competenceNote } : {}) }, undefined, key);
        draft.discard();
        list.reload();
        onChanged();
      });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="agreement-h">
      <h2 id="agreement-h">Agreement to take part</h2>
      <ErrorNotice error={list.error} />
      {list.data ? (
        <p>
          Young person: <strong>{label(AGREEMENT_LABELS, list.data.state.young_person)}</strong>. Parent or carer:{' '}
          <strong>{label(AGREEMENT_LABELS, list.data.state.parent_carer)}</strong>.
        </p>
      ) : null}
      {list.data?.history.length ? (
        <ul>
          {list.data.history.map((a) => (
            <li key={a.id}>
              {formatDate(a.date)}: {a.party === 'young_person' ? 'young person' : 'parent or carer'} — {label(AGREEMENT_LABELS, a.decision)} (
              {a.method.replace('_', ' ')}), recorded by {a.recordedByName}
              {a.competenceNote ? `. Competence: ${a.competenceNote}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {canRecord ? (
        <form className={s.form} onSubmit={submit} aria-label="Record a decision">
          <h3>Record a decision</h3>
          <Field label={AGREEMENT_FIELDS.party} {...fieldProps(error, 'party')}>
            <Select value={v.party} onChange={(_, d) => draft.set({ ...v, party: d.value })}>
              <option value="young_person">Young person</option>
              <option value="parent_carer">Parent or carer</option>
            </Select>
          </Field>
          <Field label={AGREEMENT_FIELDS.decision} {...fieldProps(error, 'decision')}>
            <Select value={v.decision} onChange={(_, d) => draft.set({ ...v, decision: d.value })}>
              <option value="given">Agreed</option>
              <option value="declined">Declined</option>
            </Select>
          </Field>
          <Field label={AGREEMENT_FIELDS.date} required {...fieldProps(error, 'date')}>
            <Input type="date" value={v.date} max={today} onChange={(_, d) => draft.set({ ...v, date: d.value })} />
          </Field>
          <Field label={AGREEMENT_FIELDS.method} {...fieldProps(error, 'method')}>
            <Select value={v.method} onChange={(_, d) => draft.set({ ...v, method: d.value })}>
              <option value="in_person">In person</option>
              <option value="phone">Phone</option>
              <option value="video">Video</option>
              <option value="letter">Letter</option>
              <option value="other">Other</option>
            </Select>
          </Field>
          {v.party === 'young_person' ? (
            <Field label={AGREEMENT_FIELDS.competenceNote} required {...fieldProps(error, 'competenceNote', { text: v.competenceNote, max: 1000 })}>
              <Textarea value={v.competenceNote} onChange={(_, d) => draft.set({ ...v, competenceNote: d.value })} />
            </Field>
          ) : null}
          <ErrorNotice error={error} labels={labelsFrom(AGREEMENT_FIELDS)} />
          <div>
            <Button type="submit" appearance="primary" disabled={once.busy}>
              Record
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
