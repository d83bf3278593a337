import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Marked } from '../common/Marked.js';
import { describeWhen } from '../timeline/layout.js';
import { TimelineSearchBox } from '../timeline/TimelineSearch.js';
import { useTimelineSearch } from '../timeline/useTimelineSearch.js';

const useStyles = makeStyles({
  found: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '16rem',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '& li': { borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  },
});

/**
 * The evidence picker's search: the timeline searched by words in the database, each entry found
 * shown with what matched, ticked to make it evidence for the hypothesis (or unticked).
 */
export function EvidenceFinder({
  caseId,
  hypothesis,
  chosen,
  onChange,
  categoryLabel,
}: {
  caseId: string;
  hypothesis: number;
  chosen: string[];
  onChange: (ids: string[]) => void;
  categoryLabel: (key: string) => string;
}) {
  const s = useStyles();
  const [words, setWords] = useState('');
  const search = useTimelineSearch(caseId, words, {});
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen.filter((x) => x !== id), id] : chosen.filter((x) => x !== id));
  return (
    <div>
      <TimelineSearchBox
        id={`evidence-search-${hypothesis}`}
        label={`Find evidence for hypothesis ${hypothesis} by its words`}
        value={words}
        onChange={setWords}
        state={search}
      />
      {search.result && search.result.items.length > 0 ? (
        <ul className={s.found} aria-label={`Entries found for hypothesis ${hypothesis}`}>
          {search.result.items.map(({ entry: e, highlights }) => (
            <li key={e.id}>
              <Checkbox
                checked={chosen.includes(e.id)}
                onChange={(_, d) => toggle(e.id, d.checked === true)}
                label={
                  <span>
                    {describeWhen(e.when).text} · {categoryLabel(e.category)}: <Marked text={e.description} ranges={highlights} />
                  </span>
                }
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
