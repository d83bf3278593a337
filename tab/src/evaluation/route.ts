import { useEffect, useState } from 'react';

/** The ECM team's evaluation lives at `#/evaluation`, routed apart from router.ts as the dashboard is. */
export const isEvaluationRoute = (hash: string): boolean => hash.replace(/^#\/?/, '').split('/').filter(Boolean)[0] === 'evaluation';

export const evaluationHref = '#/evaluation';

export function useEvaluationRoute(): boolean {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return isEvaluationRoute(hash);
}
