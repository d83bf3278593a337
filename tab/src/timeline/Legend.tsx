import { makeStyles, tokens } from '@fluentui/react-components';
import type { TimelineCategory } from '../api/types.js';
import { CategoryIcon, lookOf, SHAPE_LEGEND, ToneMark, type Palette } from './categories.js';

// Apart from the filters, so that the meeting stage, which shows the legend and no filters, does not load the filters' drop-downs.
const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, listStyle: 'none', padding: 0, margin: 0 },
  key: { display: 'flex', alignItems: 'center', gap: '4px' },
});

/** What each colour, icon and shape means. */
export function Legend({ categories, palette }: { categories: TimelineCategory[]; palette: Palette }) {
  const s = useStyles();
  return (
    <details>
      <summary>Legend: categories, shapes and bars</summary>
      <p>
        Shapes: {SHAPE_LEGEND}. The bar under each entry shows how much of the life stage it covers: a short tick is an exact date, a full bar means only the
        stage is known.
      </p>
      <ul className={s.legend}>
        {categories.map((c) => {
          const look = lookOf(c, palette);
          return (
            <li key={c.key} className={s.key}>
              <ToneMark look={look} />
              <CategoryIcon look={look} />
              {c.label}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
