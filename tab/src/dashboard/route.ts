import { useEffect, useState } from 'react';

/**
 * The manager's view lives at `#/dashboard` (or `#/dashboard/BRI` for one service). It is kept
 * apart from router.ts: the content view asks this first, then falls back to the usual routes.
 */
export function parseDashboardRoute(hash: string): { serviceId: string | null } | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'dashboard') return null;
  return { serviceId: parts[1] && /^[A-Z]{3}$/.test(parts[1]) ? parts[1] : null };
}

export const dashboardHref = (serviceId?: string | null) => (serviceId ? `#/dashboard/${serviceId}` : '#/dashboard');

export function useDashboardRoute(): { serviceId: string | null } | null {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseDashboardRoute(hash);
}
