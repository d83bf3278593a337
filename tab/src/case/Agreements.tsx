import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { Agreement, AgreementNeedsView, AgreementState } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { AGE_BAND_LABELS, AGREEMENT_LABELS, FAMILY_WORD_LABELS, formatDate, label, LEGAL_STATUS_LABELS, PARTY_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
});

/** The form's labels, by the API's field names: the same words name a field beside it and in the list of problems. */
const AGREEMENT_FIELDS = {
  party: 'Who',
  decision: 'Decision',
  date: 'Date',
  method: 'How',
  competenceNote: "Your view of the young person's competence to agree (Gillick)",
  familyInvolvement: 'Their parent or carer taking part',
};

const FAMILY_RULE_WORDS: Record<AgreementNeedsView['family'], string> = {
  always: 'Anyone else listed takes part alongside them.',
  unless_young_person_objects: 'A parent or carer is involved unless the young person objects; record their word with their agreement.',
  only_with_permission: 'A parent or carer takes part only with the young person’s permission; record it with their agreement.',
};

const names = (parties: string[]) => parties.map((p) => label(PARTY_LABELS, p).toLowerCase()).join(' and ');

/** Who must agree for this child today (age and legal status), what each has decided, and the form to record a decision. */
export function Agreements({ caseId, canRecord, onChanged }: { caseId: string; canRecord: boolean; onChanged: () => void }) {
  const s = useStyles();
  const { today } = useApp();
  const list = useLoad(() => get<{ state: AgreementState; needs: AgreementNeedsView; history: Agreement[] }>(`/cases/${caseId}/agreements`), [caseId]);
  const draft = useDraft(`agreement:${caseId}`, () => ({
    party: 'young_person',
    decision: 'given',
    date: today,
    method: 'in_person',
    competenceNote: '',
    familyInvolvement: '',
  }));
  const v = draft.value;
  const [error, setError] = useState<unknown>(null);
  const needs = list.data?.needs;
  const parties = needs?.mayDecideNow.length ? needs.mayDecideNow : ['young_person'];
  const once = useSubmitOnce();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit(async (key) => {
        const decision = {
          party: v.party,
          decision: v.decision,
          date: v.date,
          method: v.method,
          ...(v.competenceNote.trim() ? { competenceNote: v.competenceNote } : {}),
          ...(v.party === 'young_person' && v.familyInvolvement ? { familyInvolvement: v.familyInvolvement } : {}),
        };
        await post(`/cases/${caseId}/agreements`, decision, undefined, key);
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
      {needs ? (
        <>
          <p>
            {label(AGE_BAND_LABELS, needs.ageBand)}, {label(LEGAL_STATUS_LABELS, needs.legalStatus).toLowerCase()}: the case needs the agreement of{' '}
            {names(needs.needs)}. {needs.mayAlsoAgree.length ? `The ${names(needs.mayAlsoAgree).replace(/^a /, '')} may also give theirs. ` : ''}
            {FAMILY_RULE_WORDS[needs.family]}
          </p>
          {needs.askAgain ? (
            <p role="status">
              <strong>The young person has turned {needs.askAgain === 'turned_18' ? '18' : '16'}:</strong> ask for their own agreement again.
            </p>
          ) : null}
          <ul>
            {(['young_person', 'parent_carer', 'local_authority'] as const)
              .filter((p) => needs.needs.includes(p) || needs.mayAlsoAgree.includes(p))
              .map((p) => (
                <li key={p}>
                  {label(PARTY_LABELS, p)}: <strong>{label(AGREEMENT_LABELS, list.data?.state[p])}</strong>
                  {needs.missing.includes(p) ? ' (needed)' : ''}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {list.data?.history.length ? (
        <>
          <h3>What was recorded</h3>
          <ul>
            {list.data.history.map((a) => (
              <li key={a.id}>
                {formatDate(a.date)}: {label(PARTY_LABELS, a.party).toLowerCase()} — {label(AGREEMENT_LABELS, a.decision)} ({a.method.replace('_', ' ')}),
                recorded by {a.recordedByName}
                {a.competenceNote ? `. Competence: ${a.competenceNote}` : ''}
                {a.familyInvolvement ? `. Their family: ${label(FAMILY_WORD_LABELS, a.familyInvolvement).toLowerCase()}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canRecord ? (
        <form className={s.form} onSubmit={submit} aria-label="Record a decision">
          <h3>Record a decision</h3>
          <Field label={AGREEMENT_FIELDS.party} {...fieldProps(error, 'party')}>
            <Select value={v.party} onChange={(_, d) => draft.set({ ...v, party: d.value })}>
              {parties.map((p) => (
                <option key={p} value={p}>
                  {label(PARTY_LABELS, p)}
                </option>
              ))}
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
            <>
              <Field label={AGREEMENT_FIELDS.competenceNote} required {...fieldProps(error, 'competenceNote', { text: v.competenceNote, max: 1000 })}>
                <Textarea value={v.competenceNote} onChange={(_, d) => draft.set({ ...v, competenceNote: d.value })} maxLength={1000} />
              </Field>
              {needs && needs.family !== 'always' ? (
                <Field label={AGREEMENT_FIELDS.familyInvolvement} {...fieldProps(error, 'familyInvolvement')}>
                  <Select value={v.familyInvolvement ?? ''} onChange={(_, d) => draft.set({ ...v, familyInvolvement: d.value })}>
                    <option value="">Not said</option>
                    <option value="permits">{FAMILY_WORD_LABELS.permits}</option>
                    <option value="objects">{FAMILY_WORD_LABELS.objects}</option>
                  </Select>
                </Field>
              ) : null}
            </>
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
