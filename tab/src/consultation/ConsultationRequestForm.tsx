import { Button, Field, Input, makeStyles, Select, Textarea, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { post } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useApp } from '../context.js';
import { DISPOSAL_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 10rem' } },
});

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = {
  serviceId: 'Youth Justice Service',
  disposal: 'Disposal or stage',
  question: 'Your question for the ECM team',
  childInitials: "Young person's initials",
  childAge: 'Age',
};
const QUESTION_MAX = 2000;

interface ConsultationDraft {
  serviceId: string;
  disposal: string;
  question: string;
  childInitials: string;
  childAge: string;
}

/**
 * Ask the ECM team for a case consultation, on initials and age only: identifying details come
 * later, on the case, once the family agrees to share them.
 */
export function ConsultationRequestForm({ onAsked }: { onAsked: (caseId: string) => void }) {
  const s = useStyles();
  const { me } = useApp();
  const services = me.services.filter((sv) => me.serviceActions[sv.id]?.includes('case.refer'));
  const draft = useDraft<ConsultationDraft>('consultation', () => ({
    serviceId: services[0]?.id ?? '',
    disposal: 'youth_caution',
    question: '',
    childInitials: '',
    childAge: '',
  }));
  const v = draft.value;
  const set = (patch: Partial<ConsultationDraft>) => draft.set((o) => ({ ...o, ...patch }));
  const [error, setError] = useState<unknown>(null);
  const { busy, submit: once } = useSubmitOnce();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        const age = v.childAge.trim() === '' ? null : Number(v.childAge);
        const created = await post<CaseView>(
          '/consultations',
          { serviceId: v.serviceId, disposal: v.disposal, question: v.question, childInitials: v.childInitials, childAge: age },
          undefined,
          key,
        );
        draft.discard();
        onAsked(created.id);
      });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="consult-title">
      <Title2 as="h1" id="consult-title">
        Ask for a case consultation
      </Title2>
      <p>
        For a young person on no statutory order: out of court or pre-court. Give their initials and age only; their name and date of birth are added later,
        once the family agrees to share them.
      </p>
      {draft.restored ? <p role="status">Your unsaved consultation was brought back.</p> : null}
      <form className={s.form} onSubmit={submit}>
        <Field label={LABELS.serviceId} required {...fieldProps(error, 'serviceId')}>
          <Select value={v.serviceId} onChange={(_, d) => set({ serviceId: d.value })}>
            {services.map((sv) => (
              <option key={sv.id} value={sv.id}>
                {sv.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={LABELS.disposal} required {...fieldProps(error, 'disposal')}>
          <Select value={v.disposal} onChange={(_, d) => set({ disposal: d.value })}>
            {Object.entries(DISPOSAL_LABELS).map(([key, text]) => (
              <option key={key} value={key}>
                {text}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.row}>
          <Field label={LABELS.childInitials} required {...fieldProps(error, 'childInitials', { hint: 'Up to three letters, such as JT.' })}>
            <Input value={v.childInitials} onChange={(_, d) => set({ childInitials: d.value })} autoComplete="off" maxLength={20} required />
          </Field>
          <Field label={LABELS.childAge} required {...fieldProps(error, 'childAge')}>
            <Input type="number" min={10} max={18} value={v.childAge} onChange={(_, d) => set({ childAge: d.value })} required />
          </Field>
        </div>
        <Field label={LABELS.question} required {...fieldProps(error, 'question', { text: v.question, max: QUESTION_MAX })}>
          <Textarea value={v.question} onChange={(_, d) => set({ question: d.value })} rows={5} required />
        </Field>
        <ErrorNotice error={error} labels={labelsFrom(LABELS)} onDismiss={() => setError(null)} />
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? 'Asking…' : 'Ask for a consultation'}
          </Button>
        </div>
      </form>
    </section>
  );
}
