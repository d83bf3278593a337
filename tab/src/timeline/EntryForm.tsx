import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { etagOf, post, put } from '../api/client.js';
import type { EntryWhen, TimelineCategory, TimelineEntry, TimelineEntryInput } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { AGENCIES, AGENCY_LABELS, CONFIDENCE_LABELS, LIFE_STAGES, LIFE_STAGE_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 12rem', minWidth: 0 } },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Side by side while they fit, the next line when they do not (a 320 px dialog).
  choices: { flexWrap: 'wrap' },
});

const PRECISIONS: { key: EntryWhen['precision']; label: string }[] = [
  { key: 'day', label: 'Exact date' },
  { key: 'month', label: 'Month' },
  { key: 'year', label: 'Year' },
  { key: 'age', label: 'Age of the child' },
  { key: 'lifeStage', label: 'Life stage only' },
];

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = {
  when: 'How precisely is the time known?',
  'when.precision': 'How precisely is the time known?',
  'when.date': 'Date',
  'when.month': 'Month',
  'when.year': 'Year',
  'when.age': 'Age of the child (years)',
  'when.lifeStage': 'Life stage',
  category: 'Category',
  sourceAgency: 'Which agency says so',
  confidence: 'How sure is it?',
  description: 'What happened (facts, not opinion)',
};
const DESCRIPTION_MAX = 2000;

export interface EntryFormValue {
  precision: EntryWhen['precision'];
  date: string;
  month: string;
  year: string;
  age: string;
  lifeStage: string;
  category: string;
  sourceAgency: string;
  confidence: string;
  description: string;
}

const fromEntry = (e: TimelineEntry): EntryFormValue => ({
  precision: e.when.precision,
  date: e.when.precision === 'day' ? e.when.date : '',
  month: e.when.precision === 'month' ? e.when.month : '',
  year: e.when.precision === 'year' ? String(e.when.year) : '',
  age: e.when.precision === 'age' ? String(e.when.age) : '',
  lifeStage: e.when.precision === 'lifeStage' ? e.when.lifeStage : 'primary',
  category: e.category,
  sourceAgency: e.sourceAgency,
  confidence: e.confidence,
  description: e.description,
});

/** The form's words as the API's entry. Numbers that are not numbers are sent as they are, for the API to explain. */
export function toInput(v: EntryFormValue): TimelineEntryInput {
  const when = ((): EntryWhen => {
    switch (v.precision) {
      case 'day':
        return { precision: 'day', date: v.date };
      case 'month':
        return { precision: 'month', month: v.month };
      case 'year':
        return { precision: 'year', year: Number(v.year) };
      case 'age':
        return { precision: 'age', age: Number(v.age) };
      case 'lifeStage':
        return { precision: 'lifeStage', lifeStage: v.lifeStage as never };
    }
  })();
  return { when, category: v.category, sourceAgency: v.sourceAgency as never, confidence: v.confidence as never, description: v.description };
}

/** Add or edit an entry: facts, when (as precisely as known), who says so and how sure. Kept as a draft until saved. */
export function EntryForm({
  caseId,
  categories,
  myAgency,
  editing,
  compact,
  prefill,
  onSaved,
  onCancel,
  onReload,
}: {
  caseId: string;
  categories: TimelineCategory[];
  myAgency: string;
  editing?: TimelineEntry;
  compact?: boolean;
  /** A new entry's starting values (a question's stage and agency); its draft is kept apart from the plain form's. */
  prefill?: Partial<EntryFormValue>;
  onSaved: (e: TimelineEntry) => void;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const s = useStyles();
  const draftKey = editing
    ? `entry-edit:${editing.id}:${editing.version}`
    : prefill
      ? `entry-new:${caseId}:${prefill.lifeStage ?? ''}:${prefill.sourceAgency ?? ''}`
      : `entry-new:${caseId}`;
  const draft = useDraft<EntryFormValue>(draftKey, () =>
    editing
      ? fromEntry(editing)
      : {
          precision: 'age',
          date: '',
          month: '',
          year: '',
          age: '',
          lifeStage: 'primary',
          category: '',
          sourceAgency: myAgency,
          confidence: 'reported',
          description: '',
          ...prefill,
        },
  );
  const v = draft.value;
  const { busy, submit: once } = useSubmitOnce();
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<EntryFormValue>) => draft.set((old) => ({ ...old, ...patch }));

  const submit = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        // An edit is guarded by its version (If-Match); a new entry by the form's key.
        const saved = editing
          ? await put<TimelineEntry>(`/cases/${caseId}/timeline/${editing.id}`, toInput(v), etagOf(editing.version))
          : await post<TimelineEntry>(`/cases/${caseId}/timeline`, toInput(v), undefined, key);
        draft.discard();
        onSaved(saved);
      });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form className={s.form} onSubmit={submit} aria-label={editing ? 'Edit the timeline entry' : 'Add a timeline entry'}>
      {draft.restored ? <p role="status">Your unsaved text was brought back.</p> : null}
      <div className={s.row}>
        <Field label={LABELS.when} {...fieldProps(error, 'when.precision')}>
          <Select value={v.precision} onChange={(_, d) => set({ precision: d.value as EntryWhen['precision'] })}>
            {PRECISIONS.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        {v.precision === 'day' ? (
          <Field label={LABELS['when.date']} required {...fieldProps(error, 'when.date')}>
            <Input type="date" value={v.date} onChange={(_, d) => set({ date: d.value })} required />
          </Field>
        ) : v.precision === 'month' ? (
          <Field label={LABELS['when.month']} required {...fieldProps(error, 'when.month', { hint: 'For example 2014-03' })}>
            <Input type="month" value={v.month} onChange={(_, d) => set({ month: d.value })} required />
          </Field>
        ) : v.precision === 'year' ? (
          <Field label={LABELS['when.year']} required {...fieldProps(error, 'when.year')}>
            <Input type="number" min={1900} max={2200} value={v.year} onChange={(_, d) => set({ year: d.value })} required />
          </Field>
        ) : v.precision === 'age' ? (
          <Field label={LABELS['when.age']} required {...fieldProps(error, 'when.age')}>
            <Input type="number" min={0} max={25} value={v.age} onChange={(_, d) => set({ age: d.value })} required />
          </Field>
        ) : (
          <Field label={LABELS['when.lifeStage']} required {...fieldProps(error, 'when.lifeStage')}>
            <Select value={v.lifeStage} onChange={(_, d) => set({ lifeStage: d.value })}>
              {LIFE_STAGES.map((st) => (
                <option key={st} value={st}>
                  {LIFE_STAGE_LABELS[st]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className={s.row}>
        <Field label={LABELS.category} required {...fieldProps(error, 'category')}>
          <Select value={v.category} onChange={(_, d) => set({ category: d.value })} required>
            <option value="">Choose a category…</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={LABELS.sourceAgency} required {...fieldProps(error, 'sourceAgency')}>
          <Select value={v.sourceAgency} onChange={(_, d) => set({ sourceAgency: d.value })}>
            {AGENCIES.map((a) => (
              <option key={a} value={a}>
                {AGENCY_LABELS[a]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={LABELS.confidence} required {...fieldProps(error, 'confidence')}>
        <RadioGroup className={s.choices} layout={compact ? 'vertical' : 'horizontal'} value={v.confidence} onChange={(_, d) => set({ confidence: d.value })}>
          {Object.entries(CONFIDENCE_LABELS).map(([k, l]) => (
            <Radio key={k} value={k} label={l} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={LABELS.description}
        required
        {...fieldProps(error, 'description', { text: v.description, max: DESCRIPTION_MAX, hint: 'Opinion and analysis belong in the formulation.' })}
      >
        <Textarea value={v.description} onChange={(_, d) => set({ description: d.value })} rows={compact ? 3 : 4} required resize="vertical" />
      </Field>
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onReload={onReload} onDismiss={() => setError(null)} />
      <div className={s.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save the change' : 'Add to the timeline'}
        </Button>
        {onCancel ? (
          <Button type="button" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        {draft.restored || v.description ? (
          <Button type="button" appearance="subtle" onClick={draft.discard}>
            Clear the form
          </Button>
        ) : null}
      </div>
    </form>
  );
}
