import { useCallback, useEffect, useRef, useState } from 'react';

/** Whether two dependency lists name the same thing (the same case, the same query). */
export const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Loads something from the API, again when `deps` change or `reload` is called.
 *
 * What was loaded is kept with the deps it was loaded for and shown only while they still hold: the
 * moment the address names another case, the last case's answer is gone (`data` is null until the
 * new one arrives), and an answer that comes back after the deps moved on is dropped. A `reload`
 * keeps the current answer on screen until the fresh one replaces it.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | null; error: unknown; loading: boolean; reload: () => void; set: (v: T) => void } {
  const [state, setState] = useState<{ deps: unknown[]; data: T | null; error: unknown; loading: boolean }>({ deps, data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const depsRef = useRef(deps);
  depsRef.current = deps;
  useEffect(() => {
    let live = true;
    const forDeps = depsRef.current;
    setState((s) => (sameDeps(s.deps, forDeps) ? { ...s, loading: true } : { deps: forDeps, data: null, error: null, loading: true }));
    loadRef
      .current()
      .then((data) => live && setState({ deps: forDeps, data, error: null, loading: false }))
      .catch((error: unknown) => live && setState((s) => ({ deps: forDeps, data: sameDeps(s.deps, forDeps) ? s.data : null, error, loading: false })));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const current = sameDeps(state.deps, deps);
  const set = useCallback((data: T) => setState({ deps: depsRef.current, data, error: null, loading: false }), []);
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: current ? state.loading : true,
    reload: useCallback(() => setTick((t) => t + 1), []),
    set,
  };
}
