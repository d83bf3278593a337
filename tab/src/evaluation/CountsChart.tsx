import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';

const useStyles = makeStyles({
  figure: { margin: 0, maxWidth: '40rem' },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
  group: { margin: `0 0 ${tokens.spacingVerticalM}`, padding: 0, listStyleType: 'none' },
  groupLabel: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 40%) 1fr 2.5rem', alignItems: 'center', gap: tokens.spacingHorizontalS },
  track: { height: '1.25rem', borderLeft: `1px solid ${tokens.colorNeutralForeground1}` },
  bar: {
    display: 'block',
    height: '100%',
    backgroundColor: tokens.colorBrandForeground1,
    borderRadius: `0 ${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0`,
    // Windows' forced colours drop backgrounds: draw the bar in the text colour instead.
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText', forcedColorAdjust: 'none' },
  },
  count: { fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
});

export interface Bar {
  key: string;
  label: string;
  /** A mark beside the label, so no answer is told by colour or position alone. */
  mark: string;
  n: number;
}

/**
 * Counts as bars, in groups (a quarter each, or one group), each bar labelled in words with its
 * number: HTML as the dashboard's movement chart is, so it reflows at 320 px and reads as lists.
 * One scale across the groups, so a longer bar is a larger number wherever it is. The same figures
 * follow as a table wherever a chart is used.
 */
export function CountsChart({ caption, groups }: { caption: string; groups: { label: string | null; bars: Bar[] }[] }) {
  const s = useStyles();
  const captionId = useId();
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.n)));
  return (
    <figure className={s.figure} aria-labelledby={captionId}>
      <figcaption id={captionId} className={s.caption}>
        {caption}
      </figcaption>
      {groups.map((g) => (
        <div key={g.label ?? 'all'}>
          {g.label ? <p className={s.groupLabel}>{g.label}</p> : null}
          <ul className={s.list} aria-label={g.label ?? caption}>
            {g.bars.map((b) => (
              <li key={b.key} className={s.row}>
                <span>
                  <span aria-hidden="true">{b.mark} </span>
                  {b.label}
                </span>
                <span className={s.track} aria-hidden="true">
                  <span className={s.bar} style={{ width: `${(b.n / max) * 100}%` }} />
                </span>
                <span className={s.count}>{b.n}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </figure>
  );
}
