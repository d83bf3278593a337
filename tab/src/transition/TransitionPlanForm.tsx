import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { put } from '../api/client.js';
import type { TeamMember, TransitionPlanView } from '../api/types.js';
import { useDraft } from '../common/drafts.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, overLimit } from '../common/fieldProblems.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { ADULT_SERVICE_LABELS, AGENCY_LABELS, label } from '../labels.js';

/** As the server's rules (src/domain/transitionPlan.ts): the form says so before sending. */
const MAX_DETAIL = 200;
const MAX_RELATIONSHIP = 300;
/** The server refuses dates before the plan is written and more than two years ahead, and says so beside the field. */
const DATE_HINT = 'From today, within two years.';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '44rem', minWidth: 0 },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Joining {
  service: string;
  detail: string;
  joinBy: string;
}
/** `keptBy`: "person:<staffId>" or "agency:<agency>", one choice from one list. */
interface Relationship {
  relationship: string;
  keptBy: string;
  until: string;
}
interface Draft {
  joining: Joining[];
  relationships: Relationship[];
}

const fromPlan = (t: TransitionPlanView): Draft => ({
  joining: t.plan?.joining.map((j) => ({ service: j.service, detail: j.detail ?? '', joinBy: j.joinBy })) ?? [{ service: 'probation', detail: '', joinBy: '' }],
  relationships:
    t.plan?.relationships.map((r) => ({
      relationship: r.relationship,
      keptBy: r.keptBy.kind === 'person' ? `person:${r.keptBy.staffId}` : `agency:${r.keptBy.agency}`,
      until: r.until,
    })) ?? [],
});

/** "joining.1.joinBy" → "Adult service 2, joins by": the form's own words in the list of problems. */
export function transitionLabel(path: string): string | undefined {
  const m = /^(joining|relationships)\.(\d+)\.(\w+)$/.exec(path);
  if (!m) return path === 'joining' ? 'Adult services joining' : path === 'relationships' ? 'Relationships kept going' : undefined;
  const n = Number(m[2]) + 1;
  const field: Record<string, string> = {
    service: 'service',
    detail: 'which one',
    joinBy: 'joins by',
    relationship: 'the relationship',
    keptById: 'kept going by',
    keptByAgency: 'kept going by',
    until: 'until',
  };
  return `${m[1] === 'joining' ? 'Adult service' : 'Relationship'} ${n}, ${field[m[3]!] ?? m[3]}`;
}

/** Writes the whole plan at once over the version read; what was typed is kept as a draft until it is saved. */
export function TransitionPlanForm({
  caseId,
  current,
  team,
  onSaved,
  onReload,
}: {
  caseId: string;
  current: TransitionPlanView;
  team: TeamMember[];
  onSaved: (next: TransitionPlanView) => void;
  onReload: () => void;
}) {
  const s = useStyles();
  const draft = useDraft<Draft>(`transition:${caseId}`, () => fromPlan(current));
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const v = draft.value;
  const setJoining = (i: number, change: Partial<Joining>) => draft.set({ ...v, joining: v.joining.map((j, k) => (k === i ? { ...j, ...change } : j)) });
  const setRelationship = (i: number, change: Partial<Relationship>) =>
    draft.set({ ...v, relationships: v.relationships.map((r, k) => (k === i ? { ...r, ...change } : r)) });
  const tooLong = v.joining.some((j) => overLimit(j.detail, MAX_DETAIL)) || v.relationships.some((r) => overLimit(r.relationship, MAX_RELATIONSHIP));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (tooLong) return;
    const body = {
      joining: v.joining.map((j) => ({ service: j.service, detail: j.detail.trim() ? j.detail : null, joinBy: j.joinBy })),
      relationships: v.relationships.map((r) => {
        const [kind, id] = r.keptBy.split(':', 2);
        return { relationship: r.relationship, ...(kind === 'person' ? { keptById: id } : { keptByAgency: id }), until: r.until };
      }),
    };
    try {
      const saved = await once.submit(() => put<TransitionPlanView>(`/cases/${caseId}/transition-plan`, body, `"${current.version}"`));
      if (saved) {
        draft.discard();
        onSaved(saved);
      }
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className={s.form} onSubmit={save} aria-labelledby="transition-form-h">
      <h3 id="transition-form-h">{current.plan ? 'Change the transition plan' : 'Write the transition plan'}</h3>
      {draft.restored ? <p role="status">Your unsaved changes to the plan were kept.</p> : null}
      <fieldset className={s.row}>
        <legend className={s.legend}>Adult services joining</legend>
        {v.joining.map((j, i) => (
          <div key={i} className={s.row} role="group" aria-label={`Adult service ${i + 1}`}>
            <Field label={`Adult service ${i + 1}`} required {...fieldProps(error, `joining.${i}.service`)}>
              <Select value={j.service} onChange={(_, d) => setJoining(i, { service: d.value })}>
                {Object.entries(ADULT_SERVICE_LABELS).map(([k, text]) => (
                  <option key={k} value={k}>
                    {text}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Which one"
              required={j.service === 'other'}
              {...fieldProps(error, `joining.${i}.detail`, { text: j.detail, max: MAX_DETAIL, hint: 'For example: the leaving care team.' })}
            >
              <Input value={j.detail} onChange={(_, d) => setJoining(i, { detail: d.value })} />
            </Field>
            <Field label="Joins by" required {...fieldProps(error, `joining.${i}.joinBy`, { hint: DATE_HINT })}>
              <Input type="date" value={j.joinBy} onChange={(_, d) => setJoining(i, { joinBy: d.value })} />
            </Field>
            {v.joining.length > 1 ? (
              <Button onClick={() => draft.set({ ...v, joining: v.joining.filter((_, k) => k !== i) })}>Remove adult service {i + 1}</Button>
            ) : null}
          </div>
        ))}
        <div>
          <Button onClick={() => draft.set({ ...v, joining: [...v.joining, { service: 'personal_adviser', detail: '', joinBy: '' }] })}>
            Add an adult service
          </Button>
        </div>
      </fieldset>
      <fieldset className={s.row}>
        <legend className={s.legend}>Relationships kept going</legend>
        {v.relationships.map((r, i) => (
          <div key={i} className={s.row} role="group" aria-label={`Relationship ${i + 1}`}>
            <Field
              label={`Relationship ${i + 1}`}
              required
              {...fieldProps(error, `relationships.${i}.relationship`, {
                text: r.relationship,
                max: MAX_RELATIONSHIP,
                hint: 'Who or what matters to the young person, for example: weekly football with the mentor.',
              })}
            >
              <Textarea value={r.relationship} onChange={(_, d) => setRelationship(i, { relationship: d.value })} rows={2} resize="vertical" />
            </Field>
            <Field label="Kept going by" required {...fieldProps(error, `relationships.${i}.keptById`)}>
              <Select value={r.keptBy} onChange={(_, d) => setRelationship(i, { keptBy: d.value })}>
                <optgroup label="A member of the team">
                  {team.map((m) => (
                    <option key={m.staffId} value={`person:${m.staffId}`}>
                      {m.name} ({label(AGENCY_LABELS, m.agency)})
                    </option>
                  ))}
                </optgroup>
                <optgroup label="An agency, until someone is named">
                  {Object.entries(AGENCY_LABELS).map(([k, text]) => (
                    <option key={k} value={`agency:${k}`}>
                      {text}
                    </option>
                  ))}
                </optgroup>
              </Select>
            </Field>
            <Field label="Until" required {...fieldProps(error, `relationships.${i}.until`, { hint: DATE_HINT })}>
              <Input type="date" value={r.until} onChange={(_, d) => setRelationship(i, { until: d.value })} />
            </Field>
            <Button onClick={() => draft.set({ ...v, relationships: v.relationships.filter((_, k) => k !== i) })}>Remove relationship {i + 1}</Button>
          </div>
        ))}
        <div>
          <Button onClick={() => draft.set({ ...v, relationships: [...v.relationships, { relationship: '', keptBy: 'agency:ecm_team', until: '' }] })}>
            Add a relationship
          </Button>
        </div>
      </fieldset>
      <ErrorNotice error={error} labels={transitionLabel} onReload={onReload} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={once.busy || tooLong}>
          Save the transition plan
        </Button>
        {draft.restored ? <Button onClick={draft.discard}>Discard my changes</Button> : null}
      </div>
    </form>
  );
}
