import type { ReactNode } from 'react';
import { useModule } from './useModule.js';

/**
 * A part of a view whose code is loaded when it is first shown, not with the view: what the first
 * render does not need (a list behind a choice, a dialog, a closed disclosure) stays out of the
 * first render's files. `load` must be one function per module, kept at module scope, so that
 * a preload (common/modules.ts) is found again.
 */
export function Later<M>({ load, children, waiting = null }: { load: () => Promise<M>; children: (mod: M) => ReactNode; waiting?: ReactNode }) {
  const mod = useModule(load);
  return <>{mod ? children(mod) : waiting}</>;
}
