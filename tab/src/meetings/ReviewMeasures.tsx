import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { MEASURES, type MeasureName, type ReviewMeasures as Recorded } from '../../../src/contract/evaluation.js';
import { fieldProps } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';

type Answers = Record<MeasureName, string>;
const NAMES = Object.keys(MEASURES) as MeasureName[];
const NONE: Answers = Object.fromEntries(NAMES.map((n) => [n, ''])) as Answers;

const useStyles = makeStyles({
  pair: { display: 'contents' },
  list: { display: 'grid', gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, '& dd': { margin: 0 } },
  set: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
  },
});

/** A form's measures: kept as a draft of their own, and sent only once any is answered. */
export interface MeasuresState {
  /** Formulation meetings give the baseline, reviews the change; a consultation is not measured. */
  asked: boolean;
  value: Answers;
  set: (next: Answers) => void;
  discard: () => void;
  /** Merged into the outcome: nothing when none is answered; every one when any is, so a missing answer is said beside its field. */
  body: () => { measures?: Answers };
}

export function useReviewMeasures(draftKey: string, kind: string): MeasuresState {
  const draft = useDraft(`measures:${draftKey}`, () => NONE);
  const asked = kind !== 'consultation';
  return {
    asked,
    value: draft.value,
    set: draft.set,
    discard: draft.discard,
    body: () => (asked && NAMES.some((n) => draft.value[n] !== '') ? { measures: draft.value } : {}),
  };
}

/** The form's label for a problem with a measure (`measures.engagement`, `outcome.measures.engagement`). */
export const measureLabel = (path: string): string | undefined => {
  const name = /(?:^|\.)measures\.(\w+)$/.exec(path)?.[1] as MeasureName | undefined;
  return name && MEASURES[name] ? MEASURES[name].question : undefined;
};

/**
 * The measures the ECM evaluation asks for at each review, as a block of the outcome form. Each is
 * chosen from its list; "Not recorded" leaves the whole block out, and the server says beside a
 * field which answer is still missing once any is given.
 */
export function ReviewMeasures({ measures, error, pathPrefix = '' }: { measures: MeasuresState; error: unknown; pathPrefix?: string }) {
  const s = useStyles();
  if (!measures.asked) return null;
  return (
    <fieldset className={s.set}>
      <legend>Outcome measures for the evaluation</legend>
      <p>Since the last review. Used in the ECM team’s pseudonymised evaluation: no name or date of birth leaves with them.</p>
      {NAMES.map((name) => (
        <Field key={name} label={MEASURES[name].question} {...fieldProps(error, `${pathPrefix}measures.${name}`)}>
          <Select value={measures.value[name]} onChange={(_, d) => measures.set({ ...measures.value, [name]: d.value })}>
            <option value="">Not recorded</option>
            {Object.entries(MEASURES[name].answers).map(([code, words]) => (
              <option key={code} value={code}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </fieldset>
  );
}

/** The measures recorded at a meeting, as the form asked them. */
export function RecordedMeasures({ measures }: { measures: Recorded | undefined }) {
  const s = useStyles();
  if (!measures) return null;
  return (
    <>
      <h5>Outcome measures for the evaluation</h5>
      <dl className={s.list}>
        {NAMES.map((name) => (
          <div key={name} className={s.pair}>
            <dt>{MEASURES[name].question}</dt>
            <dd>{(MEASURES[name].answers as Record<string, string>)[measures[name]] ?? measures[name]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
