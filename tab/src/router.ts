import { useEffect, useState } from 'react';

/** Views of the content frame, addressed by the URL's hash so a reload or a shared link lands in the same place. */
export type Route = { view: 'caseload' } | { view: 'refer' } | { view: 'case'; caseId: string; section: CaseSection };

export const CASE_SECTIONS = ['overview', 'timeline', 'formulation', 'trm', 'meetings'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

export function parseRoute(hash: string, defaultCaseId: string | null): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'refer') return { view: 'refer' };
  if (parts[0] === 'cases' && parts[1]) {
    const section = (CASE_SECTIONS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as CaseSection) : 'overview';
    return { view: 'case', caseId: decodeURIComponent(parts[1]), section };
  }
  if (defaultCaseId && parts.length === 0) return { view: 'case', caseId: defaultCaseId, section: 'timeline' };
  return { view: 'caseload' };
}

export const hrefOf = (r: Route): string =>
  r.view === 'caseload' ? '#/' : r.view === 'refer' ? '#/refer' : `#/cases/${encodeURIComponent(r.caseId)}/${r.section}`;

export function navigate(r: Route): void {
  window.location.hash = hrefOf(r);
}

export function useRoute(defaultCaseId: string | null): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash, defaultCaseId);
}
