import { Field, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import { searchProblem, type SearchState } from './useTimelineSearch.js';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '40rem' },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** What a search found, said once it has an answer (read out by screen readers as it changes). */
export function searchCountText(state: SearchState, noun: [string, string] = ['entry', 'entries']): string {
  if (!state.active) return '';
  if (state.error) return 'The search did not work. Try again.';
  if (!state.result) return 'Searching…';
  const n = state.result.items.length;
  return `${state.result.more ? `More than ${n}` : n === 0 ? 'No' : n} ${n === 1 && !state.result.more ? noun[0] : noun[1]} ${n === 1 && !state.result.more ? 'matches' : 'match'}.`;
}

/**
 * A search box for the timeline's words, with the number found in a live region. The label is the
 * field's; Escape clears the box (the SearchBox's own behaviour), and so does its clear button.
 */
export function TimelineSearchBox({
  id,
  label,
  value,
  onChange,
  state,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  state: SearchState;
  hint?: string;
}) {
  const s = useStyles();
  const problem = searchProblem(value);
  return (
    <div className={s.box}>
      <Field label={label} hint={hint} validationMessage={problem ?? undefined}>
        <SearchBox id={id} value={value} onChange={(_, d) => onChange(d.value)} autoComplete="off" />
      </Field>
      <p className={s.count} role="status" aria-live="polite" aria-atomic="true">
        {searchCountText(state)}
      </p>
    </div>
  );
}
