import { Badge, Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { etagOf, patch } from '../api/client.js';
import type { PlanActionView, TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ACTION_STATUS_LABELS, AGENCY_LABELS, formatDate, label } from '../labels.js';
import { OwnerOptions, ownerFields, ownerValue } from './ownerChoice.js';

const useStyles = makeStyles({
  card: {
    listStyle: 'none',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  text: { margin: `${tokens.spacingVerticalXS} 0`, fontWeight: tokens.fontWeightSemibold },
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS, maxWidth: '32rem' },
});

export const ownerText = (a: PlanActionView) =>
  a.owner.kind === 'person' ? `${a.owner.name} (${label(AGENCY_LABELS, a.owner.agency)})` : `${label(AGENCY_LABELS, a.owner.agency)} — nobody named yet`;

/**
 * One action of the plan: what, who, by when, how it stands. Its owner (or the ECM team) changes its
 * status; the ECM team also names the owner and the date (`team` given when they may).
 */
export function ActionCard({
  caseId,
  action: a,
  heading,
  team,
  today,
  onSaved,
}: {
  caseId: string;
  action: PlanActionView;
  heading: React.ReactNode;
  team: TeamMember[] | null;
  today: string;
  onSaved: () => void;
}) {
  const s = useStyles();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string>(a.status);
  const [why, setWhy] = useState(a.stoppedBecause ?? '');
  const [owner, setOwner] = useState(ownerValue(a.owner));
  const [dueBy, setDueBy] = useState(a.dueBy ?? '');
  const [error, setError] = useState<unknown>(null);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const body: Record<string, unknown> = {};
    if (status !== a.status || (status === 'stopped' && why !== (a.stoppedBecause ?? ''))) body.status = status;
    if (status === 'stopped' && body.status) body.stoppedBecause = why;
    if (team) {
      if (owner !== ownerValue(a.owner)) Object.assign(body, ownerFields(owner));
      if (dueBy !== (a.dueBy ?? '')) body.dueBy = dueBy || null;
    }
    try {
      await patch(`/cases/${caseId}/actions/${a.id}`, body, etagOf(a.version));
      setEditing(false);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className={s.card} aria-labelledby={`${id}-text`}>
      <div className={s.head}>
        {heading}
        <Badge appearance="outline">{label(ACTION_STATUS_LABELS, a.status)}</Badge>
        {a.overdue ? <Badge color="danger">Overdue</Badge> : null}
      </div>
      <p className={s.text} id={`${id}-text`}>
        {a.text}
      </p>
      <dl className={s.facts}>
        <dt>TRM level</dt>
        <dd>
          {a.trmLevel}
          {a.relationshipBased ? ' · relationship-based' : ''}
        </dd>
        <dt>Owner</dt>
        <dd>{ownerText(a)}</dd>
        <dt>By when</dt>
        <dd>{a.dueBy ? formatDate(a.dueBy) : 'Not set yet'}</dd>
        {a.status === 'stopped' && a.stoppedBecause ? (
          <>
            <dt>Why it stopped</dt>
            <dd>{a.stoppedBecause}</dd>
          </>
        ) : null}
      </dl>
      {a.mayUpdate && !editing ? (
        <Button size="small" onClick={() => setEditing(true)} aria-describedby={`${id}-text`}>
          Update
        </Button>
      ) : null}
      {editing ? (
        <form className={s.form} onSubmit={save} aria-label="Update the action">
          <Field label="How it stands">
            <Select value={status} onChange={(_, d) => setStatus(d.value)}>
              {Object.entries(ACTION_STATUS_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          {status === 'stopped' ? (
            <Field label="Why it stopped" required>
              <Textarea value={why} onChange={(_, d) => setWhy(d.value)} rows={2} />
            </Field>
          ) : null}
          {team ? (
            <>
              <Field label="Owner" hint="A member of the case team, or an agency while nobody there is named.">
                <Select value={owner} onChange={(_, d) => setOwner(d.value)}>
                  <OwnerOptions team={team} />
                </Select>
              </Field>
              <Field label="By when">
                <Input type="date" min={today} value={dueBy} onChange={(_, d) => setDueBy(d.value)} />
              </Field>
            </>
          ) : null}
          <ErrorNotice error={error} />
          <div className={s.head}>
            <Button appearance="primary" type="submit">
              Save
            </Button>
            <Button onClick={() => (setEditing(false), setError(null))}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
