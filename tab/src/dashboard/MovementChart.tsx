import { makeStyles, tokens } from '@fluentui/react-components';
import type { CaseloadMovement } from '../api/types.js';
import { MOVEMENT_LABELS } from '../labels.js';

const useStyles = makeStyles({
  figure: { margin: 0, maxWidth: '40rem' },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
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

export const MOVEMENT_ORDER: CaseloadMovement[] = ['up', 'same', 'setback', 'first', 'none'];
/** A mark beside each label, so no category is told by colour or position alone. */
export const MOVEMENT_MARKS: Record<CaseloadMovement, string> = { up: '▲', same: '■', setback: '▼', first: '●', none: '○' };

/**
 * How many children moved up, stayed, or were set back since their first TRM placement: a bar per
 * answer, each labelled in words with its number (HTML, so it reflows at 320 px and reads as a
 * list). The same numbers follow as a table.
 */
export function MovementChart({ counts, caption }: { counts: Record<CaseloadMovement, number>; caption: string }) {
  const s = useStyles();
  const max = Math.max(1, ...MOVEMENT_ORDER.map((m) => counts[m]));
  return (
    <figure className={s.figure} aria-labelledby="movement-chart-caption">
      <figcaption id="movement-chart-caption" className={s.caption}>
        {caption}
      </figcaption>
      <ul className={s.list}>
        {MOVEMENT_ORDER.map((m) => (
          <li key={m} className={s.row} data-movement={m}>
            <span>
              <span aria-hidden="true">{MOVEMENT_MARKS[m]} </span>
              {MOVEMENT_LABELS[m]}
            </span>
            <span className={s.track} aria-hidden="true">
              <span className={s.bar} style={{ width: `${(counts[m] / max) * 100}%` }} />
            </span>
            <span className={s.count}>{counts[m]}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
