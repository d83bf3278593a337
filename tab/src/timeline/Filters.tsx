import { Checkbox, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { TimelineCategory, TimelineEntry } from '../api/types.js';
import { AGENCY_LABELS, CONFIDENCE_LABELS, LIFE_STAGE_LABELS, LIFE_STAGES } from '../labels.js';

export interface TimelineFilter {
  categories: string[];
  agencies: string[];
  confidence: string[];
  contributors: string[];
  lifeStages: string[];
  showRetracted: boolean;
}

export const NO_FILTER: TimelineFilter = { categories: [], agencies: [], confidence: [], contributors: [], lifeStages: [], showRetracted: false };

export function applyFilter(entries: TimelineEntry[], f: TimelineFilter): TimelineEntry[] {
  const has = (list: string[], v: string) => list.length === 0 || list.includes(v);
  return entries.filter(
    (e) =>
      (f.showRetracted || !e.retraction) &&
      has(f.categories, e.category) &&
      has(f.agencies, e.sourceAgency) &&
      has(f.confidence, e.confidence) &&
      has(f.contributors, e.contributorId) &&
      has(f.lifeStages, e.lifeStage),
  );
}

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', '& > *': { minWidth: '11rem', flex: '1 1 11rem' } },
});

function Multi({ label, options, value, onChange }: { label: string; options: [string, string][]; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <Field label={label}>
      <Dropdown
        multiselect
        placeholder="All"
        selectedOptions={value}
        value={value.map((v) => options.find((o) => o[0] === v)?.[1] ?? v).join(', ')}
        onOptionSelect={(_, d) => onChange(d.selectedOptions)}
      >
        {options.map(([k, l]) => (
          <Option key={k} value={k}>
            {l}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** Filters by category, agency, life stage, confidence and contributor. */
export function TimelineFilters({
  entries,
  categories,
  value,
  onChange,
}: {
  entries: TimelineEntry[];
  categories: TimelineCategory[];
  value: TimelineFilter;
  onChange: (f: TimelineFilter) => void;
}) {
  const s = useStyles();
  const contributors = [...new Map(entries.map((e) => [e.contributorId, e.contributorName])).entries()];
  const agencies = [...new Set(entries.map((e) => e.sourceAgency))].map((a): [string, string] => [a, AGENCY_LABELS[a] ?? a]);
  return (
    <div className={s.bar} role="group" aria-label="Filter the timeline">
      <Multi
        label="Category"
        options={categories.map((c) => [c.key, c.label])}
        value={value.categories}
        onChange={(categories) => onChange({ ...value, categories })}
      />
      <Multi label="Agency" options={agencies} value={value.agencies} onChange={(agencies) => onChange({ ...value, agencies })} />
      <Multi
        label="Life stage"
        options={LIFE_STAGES.map((k) => [k, LIFE_STAGE_LABELS[k]])}
        value={value.lifeStages}
        onChange={(lifeStages) => onChange({ ...value, lifeStages })}
      />
      <Multi
        label="How sure"
        options={Object.entries(CONFIDENCE_LABELS)}
        value={value.confidence}
        onChange={(confidence) => onChange({ ...value, confidence })}
      />
      <Multi label="Added by" options={contributors} value={value.contributors} onChange={(contributors) => onChange({ ...value, contributors })} />
      <Checkbox label="Show retracted entries" checked={value.showRetracted} onChange={(_, d) => onChange({ ...value, showRetracted: d.checked === true })} />
    </div>
  );
}
