import { useEffect, useState } from 'react';
import { loaded } from './modules.js';

export { preload } from './modules.js';

/**
 * Code split without Suspense: React holds back a revealed Suspense boundary for up to 300 ms,
 * which nested lazy views turned into most of the timeline's first-render time. A view's module
 * is loaded (often already prefetched), then rendered directly.
 */
export function useModule<T>(load: () => Promise<T>): T | null {
  // The module is remembered with the loader it came from, so asking for another view never shows the last one.
  const [state, setState] = useState<{ load: () => Promise<T>; mod: T | null }>(() => ({ load, mod: (loaded.get(load) as T | undefined) ?? null }));
  const mod = state.load === load ? state.mod : ((loaded.get(load) as T | undefined) ?? null);
  useEffect(() => {
    if (mod) return;
    let live = true;
    void load().then((m) => {
      loaded.set(load, m);
      if (live) setState({ load, mod: m });
    });
    return () => {
      live = false;
    };
  }, [load, mod]);
  return mod;
}
