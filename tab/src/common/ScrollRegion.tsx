import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  // Columns take the width their words need (not equal shares that overlap): a table wider than
  // the screen then scrolls inside the region instead of squeezing its text on top of itself.
  region: { overflowX: 'auto', maxWidth: '100%', '& table': { tableLayout: 'auto' } },
});

/**
 * A wide table scrolls inside its own box on a narrow screen (320 px), so the page itself never
 * scrolls sideways. The box takes keyboard focus, so it can be scrolled without a mouse.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <div className={s.region} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
