import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, Textarea, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, post } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useApp } from '../context.js';
import { LEGAL_STATUS_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 12rem' } },
});

/** The form's labels, by the API's field names: the same words name a field beside it and in the list of problems. */
const LABELS = {
  serviceId: 'Youth Justice Service',
  childName: "Young person's name",
  childDateOfBirth: 'Date of birth',
  orderStart: 'Order starts',
  orderEnd: 'Order ends',
  pathway: 'Pathway',
  referralReason: 'Why are you referring?',
  legalStatus: 'Legal status',
  parentalResponsibility: 'Who holds parental responsibility',
  duplicateReason: 'Why refer this young person again?',
};
const REASON_MAX = 2000;

interface ReferralDraft {
  serviceId: string;
  childName: string;
  childDateOfBirth: string;
  hasOrder: 'yes' | 'no';
  orderStart: string;
  orderEnd: string;
  referralReason: string;
  pathway: '' | 'statutory_ecm' | 'consultation';
  legalStatus: string;
  parentalResponsibility: string;
  duplicateReason: string;
}

/** Refer a young person. Statutory ECM needs six months left on the order; otherwise it is a case consultation. */
export function ReferForm({ onReferred }: { onReferred: (caseId: string) => void }) {
  const s = useStyles();
  const { me } = useApp();
  const services = me.services.filter((sv) => me.serviceActions[sv.id]?.includes('case.refer'));
  const draft = useDraft<ReferralDraft>('referral', () => ({
    serviceId: services[0]?.id ?? '',
    childName: '',
    childDateOfBirth: '',
    hasOrder: 'yes',
    orderStart: '',
    orderEnd: '',
    referralReason: '',
    pathway: '',
    legalStatus: 'living_with_parents',
    parentalResponsibility: '',
    duplicateReason: '',
  }));
  const v = draft.value;
  const set = (patch: Partial<ReferralDraft>) => draft.set((o) => ({ ...o, ...patch }));
  const [error, setError] = useState<unknown>(null);
  const { busy, submit: once } = useSubmitOnce();
  // The server found an open case that may be this young person's: going ahead needs a reason.
  const [possibleDuplicate, setPossibleDuplicate] = useState(false);
  /** Another service, name or date of birth is another question for the server. */
  const setChild = (patch: Partial<ReferralDraft>) => {
    setPossibleDuplicate(false);
    set(patch);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        const created = await post<CaseView>(
          '/cases',
          {
            serviceId: v.serviceId,
            childName: v.childName,
            childDateOfBirth: v.childDateOfBirth,
            orderStart: v.hasOrder === 'yes' ? v.orderStart : null,
            orderEnd: v.hasOrder === 'yes' ? v.orderEnd : null,
            referralReason: v.referralReason,
            ...(v.pathway ? { pathway: v.pathway } : {}),
            // A draft kept from before these fields existed has neither.
            legalStatus: v.legalStatus ?? 'living_with_parents',
            ...(v.parentalResponsibility?.trim() ? { parentalResponsibility: v.parentalResponsibility.trim() } : {}),
            ...(possibleDuplicate ? { duplicateReason: v.duplicateReason ?? '' } : {}),
          },
          undefined,
          key,
        );
        draft.discard();
        onReferred(created.id);
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'possible_duplicate') setPossibleDuplicate(true);
      setError(err);
    }
  };

  return (
    <section aria-labelledby="refer-title">
      <Title2 as="h1" id="refer-title">
        Refer a young person
      </Title2>
      <p>
        Nothing beyond the referral is recorded until everyone who must agree has agreed to take part: who that is follows the young person&apos;s age and legal
        status.
      </p>
      {draft.restored ? <p role="status">Your unsaved referral was brought back.</p> : null}
      <form className={s.form} onSubmit={submit}>
        <Field label={LABELS.serviceId} required {...fieldProps(error, 'serviceId')}>
          <Select value={v.serviceId} onChange={(_, d) => setChild({ serviceId: d.value })}>
            {services.map((sv) => (
              <option key={sv.id} value={sv.id}>
                {sv.name}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.row}>
          <Field label={LABELS.childName} required {...fieldProps(error, 'childName')}>
            <Input value={v.childName} onChange={(_, d) => setChild({ childName: d.value })} autoComplete="off" required />
          </Field>
          <Field label={LABELS.childDateOfBirth} required {...fieldProps(error, 'childDateOfBirth')}>
            <Input type="date" value={v.childDateOfBirth} onChange={(_, d) => setChild({ childDateOfBirth: d.value })} required />
          </Field>
        </div>
        <div className={s.row}>
          <Field label={LABELS.legalStatus} {...fieldProps(error, 'legalStatus')} hint="With their age, this decides who must agree.">
            <Select value={v.legalStatus ?? 'living_with_parents'} onChange={(_, d) => set({ legalStatus: d.value })}>
              {Object.entries(LEGAL_STATUS_LABELS).map(([key, text]) => (
                <option key={key} value={key}>
                  {text}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={LABELS.parentalResponsibility}
            {...fieldProps(error, 'parentalResponsibility')}
            hint="For example: mother; the local authority under the care order."
          >
            <Input value={v.parentalResponsibility ?? ''} onChange={(_, d) => set({ parentalResponsibility: d.value })} maxLength={200} />
          </Field>
        </div>
        <Field label="Is there a statutory order?">
          <RadioGroup layout="horizontal" value={v.hasOrder} onChange={(_, d) => set({ hasOrder: d.value as 'yes' | 'no' })}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No (out of court or pre-court)" />
          </RadioGroup>
        </Field>
        {v.hasOrder === 'yes' ? (
          <div className={s.row}>
            <Field label={LABELS.orderStart} required {...fieldProps(error, 'orderStart')}>
              <Input type="date" value={v.orderStart} onChange={(_, d) => set({ orderStart: d.value })} required />
            </Field>
            <Field label={LABELS.orderEnd} required {...fieldProps(error, 'orderEnd')}>
              <Input type="date" value={v.orderEnd} onChange={(_, d) => set({ orderEnd: d.value })} required />
            </Field>
          </div>
        ) : null}
        <Field
          label={LABELS.pathway}
          {...fieldProps(error, 'pathway', { hint: 'Leave to decide by eligibility: statutory ECM needs at least six months left on the order.' })}
        >
          <Select value={v.pathway} onChange={(_, d) => set({ pathway: d.value as ReferralDraft['pathway'] })}>
            <option value="">Decide by eligibility</option>
            <option value="statutory_ecm">Statutory ECM</option>
            <option value="consultation">Case consultation</option>
          </Select>
        </Field>
        <Field label={LABELS.referralReason} required {...fieldProps(error, 'referralReason', { text: v.referralReason, max: REASON_MAX })}>
          <Textarea value={v.referralReason} onChange={(_, d) => set({ referralReason: d.value })} rows={5} required />
        </Field>
        <ErrorNotice error={error} labels={labelsFrom(LABELS)} onDismiss={() => setError(null)} />
        {possibleDuplicate ? (
          <Field
            label="Why refer this young person again?"
            hint="Only if you know this is a different young person, or a second case is needed. Your reason is kept in the audit trail."
            required
          >
            <Textarea value={v.duplicateReason ?? ''} onChange={(_, d) => set({ duplicateReason: d.value })} maxLength={500} rows={3} required />
          </Field>
        ) : null}
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {busy ? 'Referring…' : possibleDuplicate ? 'Refer anyway' : 'Refer'}
          </Button>
        </div>
      </form>
    </section>
  );
}
