import { Button, Checkbox, Dropdown, Field, Input, makeStyles, Option, Select, Textarea, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { FormulationContent, Hypothesis, Recommendation, TimelineEntry } from '../api/types.js';
import { type FieldLabels, fieldProps } from '../common/fieldProblems.js';
import { HYPOTHESIS_DOMAIN_LABELS } from '../labels.js';
import { namesOfChildIn, plainWordsWarnings, type PlainWordsWarning } from '../labels.js';
import { describeWhen } from '../timeline/layout.js';
import { EvidenceFinder } from './EvidenceFinder.js';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  youth: { backgroundColor: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', '& > *': { flex: '1 1 9rem', minWidth: 0 } },
  text: { whiteSpace: 'pre-wrap' },
  // Each of the five Ps is a paragraph, not a word: a box at least 15rem wide, or the column's width.
  fivePs: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 15rem), 1fr))', gap: tokens.spacingHorizontalM },
});

type YouthKey = keyof FormulationContent['youthFriendly'];

const FIVE_P_LABELS = {
  presenting: 'Presenting',
  predisposing: 'Predisposing',
  precipitating: 'Precipitating',
  perpetuating: 'Perpetuating',
  protective: 'Protective',
};
const VIEWS_LABEL = 'What they think of this understanding and the plan, in their words';
const YOUTH_TITLES: Record<YouthKey, string> = {
  summary: 'Summary of the young person’s life',
  hypotheses: 'Psychological hypotheses',
  strengths: 'Strengths and protective factors',
  needs: 'Cognitive and developmental needs',
  recommendations: 'Recommendations, in order',
};
// The API's limits (src/domain/formulation.ts): a limit shown with a counter is refused, never cut, when passed.
const maxLengthOf = (path: string): number => (/^(summary|strengths|needs)$/.test(path) ? 10_000 : 4000);

/** The formulation's fields as the editor labels them, for the list of problems after a save. */
export function formulationLabels(content: FormulationContent): FieldLabels {
  const numberOf = recommendationNumbers(content);
  const fixed: Record<string, string> = { summary: 'Summary', strengths: 'Strengths', needs: 'Needs', views: VIEWS_LABEL };
  return (path) => {
    const [head, index, field] = path.split('.');
    if (head === 'fivePs' && index) return FIVE_P_LABELS[index as keyof typeof FIVE_P_LABELS];
    if (head === 'youthFriendly' && index) return `Youth-friendly: ${YOUTH_TITLES[index as YouthKey]?.toLowerCase()}`;
    if (head === 'hypotheses' && index)
      return field === 'evidence' ? `Timeline evidence for hypothesis ${Number(index) + 1}` : `Hypothesis ${Number(index) + 1}`;
    if (head === 'recommendations' && index) {
      const n = numberOf(content.recommendations[Number(index)]?.id);
      return field === 'trmLevel' ? `TRM level for recommendation ${n}` : field === 'sequence' ? `Order of recommendation ${n}` : `Recommendation ${n}`;
    }
    return head ? fixed[head] : undefined;
  };
}

/** Recommendations are numbered as shown: through the TRM levels, relationship-based first within each. */
function recommendationNumbers(content: FormulationContent): (id: string | undefined) => number {
  const shown = [...content.recommendations].sort(
    (a, b) => a.trmLevel - b.trmLevel || Number(b.relationshipBased) - Number(a.relationshipBased) || a.sequence - b.sequence,
  );
  return (id) => shown.findIndex((r) => r.id === id) + 1;
}

export interface EditorProps {
  /** The case, for searching its timeline for evidence. */
  caseId: string;
  content: FormulationContent;
  editable: boolean;
  onChange: (c: FormulationContent) => void;
  entries: TimelineEntry[];
  categoryLabel: (key: string) => string;
  selectedHypothesis: string | null;
  onSelectHypothesis: (id: string | null) => void;
  trmLevels: { level: number; name: string }[];
  /** The child's name, to warn where the text would publish it. */
  childName: string | null;
  /** The API's answer to the last save, to show each problem beside its field. */
  error?: unknown;
}

const KIND_WORDS: Record<PlainWordsWarning['kind'], string> = {
  name: 'the young person’s name',
  clinical: 'a clinical word',
  idiom: 'a saying a young person may take literally',
  service: 'a service’s own word',
};

/** The plain-words check's findings, said as the psychologist writes (nothing is rewritten). */
const warningText = (ws: PlainWordsWarning[]) => ws.map((w) => `“${w.found}” is ${KIND_WORDS[w.kind]}: try ${w.instead}.`).join(' ');

const newId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
export const entryLabel = (e: TimelineEntry, categoryLabel: (k: string) => string) =>
  `${describeWhen(e.when).text} · ${categoryLabel(e.category)}: ${e.description.length > 70 ? `${e.description.slice(0, 70)}…` : e.description}`;

/** The formulation's sections, each with its youth-friendly text beside it. Read-only once approved. */
export function FormulationEditor(p: EditorProps) {
  const s = useStyles();
  const c = p.content;
  const set = (patch: Partial<FormulationContent>) => p.onChange({ ...c, ...patch });
  const setYouth = (k: YouthKey, v: string) => set({ youthFriendly: { ...c.youthFriendly, [k]: v } });

  // Professional text is published too: the report says "the young person" where it names the child.
  const nameWarning = (value: string) => {
    const found = p.childName ? namesOfChildIn(value, p.childName) : [];
    return found.length ? `Names the young person (${found.join(', ')}): the published report will say “the young person”.` : '';
  };
  // The API's problem with a field comes first; the plain-words warning shows while there is none.
  const text = (label: string, path: string, value: string, onChange: (v: string) => void, rows = 5, warning = nameWarning(value)) => {
    const problem = fieldProps(p.error, path, { text: value, max: maxLengthOf(path) });
    return p.editable ? (
      <Field
        label={label}
        hint={problem.hint}
        validationState={problem.validationState ?? (warning ? 'warning' : 'none')}
        validationMessage={problem.validationMessage ?? (warning || undefined)}
      >
        <Textarea value={value} onChange={(_, d) => onChange(d.value)} rows={rows} resize="vertical" />
      </Field>
    ) : (
      <div>
        <h4>{label}</h4>
        <p className={s.text}>{value || '—'}</p>
      </div>
    );
  };

  const pair = (title: string, main: React.ReactNode, youthKey: YouthKey) => (
    <section className={s.pair} aria-label={title}>
      <div>
        <h3>{title}</h3>
        {main}
      </div>
      <div className={s.youth}>
        {text(
          `Youth-friendly: ${title.toLowerCase()}`,
          `youthFriendly.${youthKey}`,
          c.youthFriendly[youthKey],
          (v) => setYouth(youthKey, v),
          4,
          warningText(plainWordsWarnings(c.youthFriendly[youthKey], p.childName ?? undefined)),
        )}
      </div>
    </section>
  );

  const live = p.entries.filter((e) => !e.retraction);
  const updateHypothesis = (h: Hypothesis, patch: Partial<Hypothesis>) =>
    set({ hypotheses: c.hypotheses.map((x) => (x.id === h.id ? { ...x, ...patch } : x)) });
  const updateRec = (r: Recommendation, patch: Partial<Recommendation>) =>
    set({ recommendations: c.recommendations.map((x) => (x.id === r.id ? { ...x, ...patch } : x)) });
  const byLevel = [...new Set(c.recommendations.map((r) => r.trmLevel))].sort((a, b) => a - b);
  // Numbered on through the levels, so that each recommendation's fields have a name of their own.
  const groups = byLevel.map((level) => ({
    level,
    recs: c.recommendations
      .filter((r) => r.trmLevel === level)
      .sort((a, b) => Number(b.relationshipBased) - Number(a.relationshipBased) || a.sequence - b.sequence),
  }));
  const firstNumber = (g: number) => groups.slice(0, g).reduce((n, x) => n + x.recs.length, 1);

  return (
    <div>
      {pair(
        'Summary of the young person’s life',
        text('Summary', 'summary', c.summary, (v) => set({ summary: v }), 8),
        'summary',
      )}
      {pair(
        'Psychological hypotheses',
        <>
          {c.hypotheses.map((h, i) => (
            <div key={h.id} className={`${s.item} ${p.selectedHypothesis === h.id ? s.selected : ''}`}>
              <div className={s.row}>
                {p.editable ? (
                  <Field label={`Hypothesis ${i + 1}: about`}>
                    <Select value={h.domain} onChange={(_, d) => updateHypothesis(h, { domain: d.value as Hypothesis['domain'] })}>
                      {Object.entries(HYPOTHESIS_DOMAIN_LABELS).map(([k, l]) => (
                        <option key={k} value={k}>
                          {l}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : (
                  <strong>
                    Hypothesis {i + 1} ({HYPOTHESIS_DOMAIN_LABELS[h.domain]})
                  </strong>
                )}
                <Button aria-pressed={p.selectedHypothesis === h.id} onClick={() => p.onSelectHypothesis(p.selectedHypothesis === h.id ? null : h.id)}>
                  {p.selectedHypothesis === h.id ? 'Hide its evidence' : `Show its evidence (${h.evidence.length})`}
                </Button>
                {p.editable ? (
                  <Button
                    icon={<Delete20Regular />}
                    aria-label={`Remove hypothesis ${i + 1}`}
                    onClick={() => set({ hypotheses: c.hypotheses.filter((x) => x.id !== h.id) })}
                  />
                ) : null}
              </div>
              {text(`Hypothesis ${i + 1}`, `hypotheses.${i}.text`, h.text, (v) => updateHypothesis(h, { text: v }), 3)}
              {p.editable ? (
                <Field label={`Timeline evidence for hypothesis ${i + 1}`} {...fieldProps(p.error, `hypotheses.${i}.evidence`)}>
                  <Dropdown
                    multiselect
                    placeholder="Choose entries"
                    selectedOptions={h.evidence}
                    value={`${h.evidence.length} ${h.evidence.length === 1 ? 'entry' : 'entries'} chosen`}
                    onOptionSelect={(_, d) => updateHypothesis(h, { evidence: d.selectedOptions })}
                  >
                    {live.map((e) => (
                      <Option key={e.id} value={e.id}>
                        {entryLabel(e, p.categoryLabel)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              ) : null}
              {p.editable ? (
                <EvidenceFinder
                  caseId={p.caseId}
                  hypothesis={i + 1}
                  chosen={h.evidence}
                  onChange={(evidence) => updateHypothesis(h, { evidence })}
                  categoryLabel={p.categoryLabel}
                />
              ) : null}
            </div>
          ))}
          {p.editable ? (
            <Button
              icon={<Add20Regular />}
              onClick={() => set({ hypotheses: [...c.hypotheses, { id: newId('h'), domain: 'behaviours', text: '', evidence: [] }] })}
            >
              Add a hypothesis
            </Button>
          ) : null}
        </>,
        'hypotheses',
      )}
      <section aria-label="The five Ps">
        <h3>The five Ps</h3>
        <div className={s.fivePs}>
          {(['presenting', 'predisposing', 'precipitating', 'perpetuating', 'protective'] as const).map((k) => (
            <div key={k}>{text(FIVE_P_LABELS[k], `fivePs.${k}`, c.fivePs[k], (v) => set({ fivePs: { ...c.fivePs, [k]: v } }), 3)}</div>
          ))}
        </div>
      </section>
      {pair(
        'Strengths and protective factors',
        text('Strengths', 'strengths', c.strengths, (v) => set({ strengths: v })),
        'strengths',
      )}
      {pair(
        'Cognitive and developmental needs',
        text('Needs', 'needs', c.needs, (v) => set({ needs: v })),
        'needs',
      )}
      <section aria-label="The young person’s and family’s views">
        <h3>The young person’s and family’s views</h3>
        {text(VIEWS_LABEL, 'views', c.views ?? '', (v) => set({ views: v }), 3)}
      </section>
      {pair(
        'Recommendations, in order',
        <>
          <p>Grouped by TRM level, relationship-based help first within each level.</p>
          {groups.map(({ level, recs }, g) => (
            <div key={level}>
              <h4>
                TRM level {level}: {p.trmLevels.find((l) => l.level === Math.floor(level))?.name ?? ''}
              </h4>
              <ol start={firstNumber(g)}>
                {recs.map((r, i) => {
                  const number = firstNumber(g) + i;
                  return (
                    <li key={r.id} className={s.item}>
                      {p.editable ? (
                        <>
                          <Field
                            label={`Recommendation ${number}`}
                            {...fieldProps(p.error, `recommendations.${c.recommendations.indexOf(r)}`, { text: r.text, max: 2000 })}
                          >
                            <Textarea value={r.text} onChange={(_, d) => updateRec(r, { text: d.value })} rows={2} />
                          </Field>
                          <div className={s.row}>
                            <Field label={`TRM level for recommendation ${number}`}>
                              <Select value={String(r.trmLevel)} onChange={(_, d) => updateRec(r, { trmLevel: Number(d.value) })}>
                                {[1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6].map((n) => (
                                  <option key={n} value={n}>
                                    {n}
                                  </option>
                                ))}
                              </Select>
                            </Field>
                            <Field label={`Order of recommendation ${number}`}>
                              <Input
                                type="number"
                                min={1}
                                max={999}
                                value={String(r.sequence)}
                                onChange={(_, d) => updateRec(r, { sequence: Number(d.value) || 1 })}
                              />
                            </Field>
                            <Checkbox
                              label="Relationship-based"
                              aria-label={`Relationship-based, recommendation ${number}`}
                              checked={r.relationshipBased}
                              onChange={(_, d) => updateRec(r, { relationshipBased: d.checked === true })}
                            />
                            <Button
                              icon={<Delete20Regular />}
                              aria-label={`Remove recommendation ${number}`}
                              onClick={() => set({ recommendations: c.recommendations.filter((x) => x.id !== r.id) })}
                            />
                          </div>
                        </>
                      ) : (
                        <span>
                          {r.text}
                          {r.relationshipBased ? ' (relationship-based)' : ''}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
          {p.editable ? (
            <Button
              icon={<Add20Regular />}
              onClick={() =>
                set({
                  recommendations: [
                    ...c.recommendations,
                    { id: newId('r'), text: '', trmLevel: 2, sequence: c.recommendations.length + 1, relationshipBased: false },
                  ],
                })
              }
            >
              Add a recommendation
            </Button>
          ) : null}
        </>,
        'recommendations',
      )}
    </div>
  );
}
