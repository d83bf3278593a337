import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { Agreement, PersonCard, TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useDraft } from '../common/drafts.js';
import { SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { AGENCIES, AGENCY_LABELS, AGREEMENT_LABELS, CASE_ROLE_LABELS, formatDate, label, STATUS_LABELS } from '../labels.js';
import type { CaseProps } from './CasePage.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: tokens.spacingHorizontalXL },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, '& dd': { margin: 0 } },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
});

const PATHWAYS: Record<string, string> = { statutory_ecm: 'Statutory ECM', consultation: 'Case consultation' };

/** The referral, agreement to take part (kept apart from the lawful basis), and the case team. */
export function Overview({ view: c, reload }: CaseProps) {
  const s = useStyles();
  const can = (a: string) => c.allowedActions.includes(a as never);
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
      {can('team.read') ? <Team caseId={c.id} serviceId={c.serviceId} canInvite={can('team.invite')} /> : null}
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
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`/cases/${caseId}/agreements`, {
        party: v.party,
        decision: v.decision,
        date: v.date,
        method: v.method,
        ...(v.competenceNote.trim() ? { competenceNote: v.competenceNote } : {}),
      });
      draft.discard();
      list.reload();
      onChanged();
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
          <Field label="Who">
            <Select value={v.party} onChange={(_, d) => draft.set({ ...v, party: d.value })}>
              <option value="young_person">Young person</option>
              <option value="parent_carer">Parent or carer</option>
            </Select>
          </Field>
          <Field label="Decision">
            <Select value={v.decision} onChange={(_, d) => draft.set({ ...v, decision: d.value })}>
              <option value="given">Agreed</option>
              <option value="declined">Declined</option>
            </Select>
          </Field>
          <Field label="Date" required>
            <Input type="date" value={v.date} max={today} onChange={(_, d) => draft.set({ ...v, date: d.value })} />
          </Field>
          <Field label="How">
            <Select value={v.method} onChange={(_, d) => draft.set({ ...v, method: d.value })}>
              <option value="in_person">In person</option>
              <option value="phone">Phone</option>
              <option value="video">Video</option>
              <option value="letter">Letter</option>
              <option value="other">Other</option>
            </Select>
          </Field>
          {v.party === 'young_person' ? (
            <Field label="Your view of the young person's competence to agree (Gillick)" required>
              <Textarea value={v.competenceNote} onChange={(_, d) => draft.set({ ...v, competenceNote: d.value })} maxLength={1000} />
            </Field>
          ) : null}
          <ErrorNotice error={error} />
          <div>
            <Button type="submit" appearance="primary">
              Record
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Team({ caseId, serviceId, canInvite }: { caseId: string; serviceId: string; canInvite: boolean }) {
  const s = useStyles();
  const team = useLoad(() => get<{ items: TeamMember[] }>(`/cases/${caseId}/team`), [caseId]);
  const [query, setQuery] = useState('');
  const people = useLoad(
    () => (canInvite ? get<{ items: PersonCard[] }>(`/people?q=${encodeURIComponent(query)}`) : Promise.resolve({ items: [] })),
    [query, canInvite],
  );
  const [pick, setPick] = useState('');
  const [agency, setAgency] = useState('');
  const [error, setError] = useState<unknown>(null);
  const chosen = people.data?.items.find((p) => p.id === pick);
  const invite = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setError(null);
    try {
      const caseRole = chosen.role === 'partner' ? 'partner' : chosen.role === 'yjs_practitioner' ? 'case_holder' : chosen.role;
      await post(`/cases/${caseId}/team`, { staffId: chosen.id, agency: agency || chosen.agency, caseRole });
      setPick('');
      team.reload();
    } catch (err) {
      setError(err);
    }
  };
  const onTeam = new Set(team.data?.items.map((m) => m.staffId));
  return (
    <section aria-labelledby="team-h">
      <h2 id="team-h">Case team</h2>
      <ErrorNotice error={team.error} />
      {team.data ? (
        <SortableTable
          caption="Case team"
          rows={team.data.items}
          rowKey={(m) => m.staffId}
          columns={[
            { key: 'name', label: 'Name', sortValue: (m) => m.name, render: (m) => m.name },
            { key: 'role', label: 'Role', sortValue: (m) => m.caseRole, render: (m) => label(CASE_ROLE_LABELS, m.caseRole) },
            { key: 'agency', label: 'Agency', sortValue: (m) => m.agency, render: (m) => label(AGENCY_LABELS, m.agency) },
            {
              key: 'terms',
              label: 'Terms',
              render: (m) => (m.caseRole !== 'partner' ? 'Not needed' : m.termsAcceptedAt ? `Accepted ${formatDate(m.termsAcceptedAt)}` : 'Not yet accepted'),
            },
          ]}
        />
      ) : null}
      {canInvite ? (
        <form className={s.form} onSubmit={invite} aria-label="Invite to the case team">
          <h3>Invite someone</h3>
          <Field label="Search by name or email">
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Field label="Person">
            <Select value={pick} onChange={(_, d) => setPick(d.value)}>
              <option value="">Choose…</option>
              {people.data?.items
                .filter((p) => !onTeam.has(p.id) && (p.role === 'partner' || p.serviceIds.includes(serviceId)))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} — {p.roleLabel}
                  </option>
                ))}
            </Select>
          </Field>
          <Field label="Speaks for which agency">
            <Select value={agency || chosen?.agency || ''} onChange={(_, d) => setAgency(d.value)}>
              {AGENCIES.map((a) => (
                <option key={a} value={a}>
                  {AGENCY_LABELS[a]}
                </option>
              ))}
            </Select>
          </Field>
          <ErrorNotice error={error} />
          <div>
            <Button type="submit" appearance="primary" disabled={!chosen}>
              Invite
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
