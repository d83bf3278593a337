import { useEffect, useState } from 'react';

/**
 * A dialog opened by a button gives focus back to that button when it closes — by Escape, Cancel or
 * a save — instead of leaving it on the page's body, where a keyboard or screen-reader user would
 * have to find their place again (WCAG 2.4.3). Call it in the component that renders the dialog
 * while open: what had focus as it first rendered is the opener (before the dialog takes focus).
 */
export function useReturnFocus(): void {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  useEffect(
    () => () => {
      // After the dialog has gone (and Fluent's focus trap with it), if the opener is still on the page.
      requestAnimationFrame(() => {
        if (opener?.isConnected && opener !== document.body) opener.focus();
      });
    },
    [opener],
  );
}
